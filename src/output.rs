//! Standard output for the commands: text made printable, JSON with every
//! control character escaped, and what happens when it cannot be written.

use claimdesk::text::display::printable;

/// Human-readable output: no control character from the corpus reaches the terminal.
pub fn print_text(text: &str) -> Result<(), String> {
    print(&printable(text))
}

/// JSON output: every control character escaped.
fn print_json(text: &str) -> Result<(), String> {
    print(&claimdesk::text::display::json_controls_escaped(text))
}

/// Output for a command that prints JSON or text as asked.
pub fn print_as(text: &str, json: bool) -> Result<(), String> {
    if json {
        print_json(text)
    } else {
        print_text(text)
    }
}

/// What `print` returns once the reader of the output has gone (`| head`):
/// a listing stops there, quietly, as if it had finished.
pub const OUTPUT_CLOSED: &str = "the output was closed";

/// Writes to standard output. A full disk or any other failure is an error
/// with its reason: a listing cut short must not end as if it were whole.
pub fn print(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(OUTPUT_CLOSED.into()),
        Err(e) => {
            let why = e.to_string();
            let why = why.split(" (os error").next().unwrap_or(&why);
            Err(format!(
                "the output cannot be written: {}.",
                why.to_lowercase()
            ))
        }
    }
}

/// For commands whose work is more than what they print (`import`,
/// `library add`): the output's reader gone, the work still goes on.
pub fn unless_output_closed(printed: Result<(), String>) -> Result<(), String> {
    match printed {
        Err(e) if e == OUTPUT_CLOSED => Ok(()),
        other => other,
    }
}
