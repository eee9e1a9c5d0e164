//! The coophub server: configuration, start-up and the command-line tools.
//!
//! The binary (`src/main.rs`) only parses the command line and calls in here;
//! the black-box tests start the same [`Application`] on a free port.

pub mod civicrm;
pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod import;
mod logging;
mod mail;
mod reminders;
mod secret;
mod serve;
mod webhooks;

pub use config::{ConfigError, LogFormat, MailSettings, Settings, WebhookSettings};
pub use logging::init_logging;
pub use serve::{Application, open_search_index, search_index_dir};

/// jemalloc instead of glibc's malloc for every binary that links the
/// server: glibc gives each thread that allocates an arena of its own (up to
/// eight per core) and keeps what they freed, so index commits and merges on
/// their threads left resident memory at 2-3 times the live heap; jemalloc
/// hands freed pages back after a short decay (docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;
