//! claimdesk: a terminal workbench for fact-checkers.
//!
//! The domain (`corpus`, `text`, `store`, `export`) knows nothing of the
//! terminal; `app` holds state and the pure update; `ui` only draws; `tui` is
//! the shell that performs effects.

pub mod app;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod import;
pub mod library;
pub mod links;
pub mod session;
pub mod signals;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;
