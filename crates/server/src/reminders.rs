//! The reminder task: every instance runs one, looking on the rule clock
//! every `COOPHUB_REMINDER_INTERVAL_MS` for reminders that have come due
//! (`coophub_app::telling::remind`). Each reminder is recorded once, whichever
//! instance finds it first.

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use coophub_domain::Clock;
use coophub_store::Store;

/// Starts the task on the current runtime; it runs until the process ends.
pub(crate) fn start(store: Store, clock: Arc<dyn Clock>, interval: Duration) {
    actix_web::rt::spawn(async move {
        loop {
            let (store, now) = (store.clone(), clock.now());
            let given = web::block(move || -> Result<usize, coophub_store::StoreError> {
                coophub_app::telling::remind::run(&mut *store.conn()?, now)
            })
            .await;
            match given {
                Ok(Ok(0)) => {}
                Ok(Ok(given)) => tracing::info!(given, "reminders given"),
                Ok(Err(error)) => tracing::warn!(%error, "reminders: a run failed"),
                Err(error) => tracing::warn!(%error, "reminders: a run did not finish"),
            }
            actix_web::rt::time::sleep(interval).await;
        }
    });
}
