//! Signals the program handles itself, so that a signal never leaves a
//! verdict half-written or the terminal in raw mode.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// SIGXFSZ (a file-size limit reached) would kill the process mid-save by
/// default. With a handler installed the write fails with EFBIG instead, and
/// the save reports "file too large" like any other failed write. Called
/// once at start by every command.
pub fn survive_file_size_limit() {
    #[cfg(unix)]
    {
        let flag = Arc::new(AtomicBool::new(false));
        // Only fails for forbidden signals, which SIGXFSZ is not.
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
    }
}

/// SIGTERM, SIGHUP and SIGINT while the workbench runs: the first asks the
/// event loop to save and restore the terminal; a second of the same kind
/// ends the process at once, as the default would.
pub struct StopSignals {
    received: Arc<AtomicUsize>,
}

impl StopSignals {
    pub fn install() -> std::io::Result<StopSignals> {
        let received = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let seen = Arc::new(AtomicBool::new(false));
            signal_hook::flag::register_conditional_default(sig, seen.clone())?;
            signal_hook::flag::register(sig, seen)?;
            signal_hook::flag::register_usize(sig, received.clone(), sig as usize)?;
        }
        Ok(StopSignals { received })
    }

    /// The signal received, if any (its number).
    pub fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::Relaxed) {
            0 => None,
            n => Some(n as i32),
        }
    }
}

/// The name a user knows a stop signal by.
pub fn name(sig: i32) -> String {
    #[cfg(unix)]
    {
        use signal_hook::consts::*;
        let known = [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGINT, "SIGINT")];
        if let Some((_, n)) = known.iter().find(|(s, _)| *s == sig) {
            return (*n).to_string();
        }
    }
    format!("signal {sig}")
}

/// True when the terminal on standard input was closed (hung up): reading it
/// then returns end-of-file forever, so the workbench must stop.
pub fn terminal_hung_up() -> bool {
    #[cfg(unix)]
    {
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, a zero timeout; poll only writes `revents`.
        let n = unsafe { libc::poll(&mut fd, 1, 0) };
        n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}
