//! Telling people: events worded once (`tell`), alerts on new tenders,
//! offers and people (`alerts`), reminders before things lapse (`remind`),
//! endpoints switched off when nothing reaches them (`webhooks`).
//! Each records its events in the caller's transaction; inboxes, mail,
//! webhooks and feeds then carry them (`coophub_store::notifications`).

pub mod alert_settings;
pub mod alerts;
pub mod conversation;
pub mod deadlines;
pub mod email_settings;
pub mod inbox;
pub mod remind;
pub mod tell;
pub mod webhooks;
