//! Application state, actions and the pure update. No I/O happens here.

pub mod action;
pub mod config;
pub mod derive;
pub mod edit;
pub mod evidence;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod mouse;
pub mod nav;
pub mod overlay;
pub mod publishing;
pub mod reading;
pub mod refresh;
pub mod related;
pub mod review;
pub mod search;
pub mod state;
pub mod text_field;
pub mod undo;
pub mod update;
pub mod wrap;

pub use action::{Action, Effect, MouseInput, Released};
pub use state::State;
pub use update::{Options, init, key_to_action, update};
