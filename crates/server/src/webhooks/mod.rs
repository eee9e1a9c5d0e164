//! The webhook worker: every instance runs one. It claims due messages from
//! the outbox (`coophub_store::webhooks::outbox`), posts them signed, and
//! records each attempt with what follows (delivered, retried after the
//! schedule's next wait, or given up). Claims cannot overlap across
//! instances, so each attempt is made once; an attempt cut short by a stop
//! is made again when its lease runs out.

mod send;

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use coophub_domain::Clock;
use coophub_store::Store;
use coophub_store::webhooks::outbox::{self, AfterFailure, Claim, Outcome};
use futures_util::future::join_all;
use rand::Rng;

use crate::config::WebhookSettings;

/// Most messages one round claims.
const BATCH: i64 = 16;

/// What the worker needs, shared by its rounds.
struct Worker {
    store: Store,
    clock: Arc<dyn Clock>,
    settings: WebhookSettings,
    client: reqwest::Client,
    public_url: String,
}

/// Starts the worker on the current runtime; it runs until the process ends.
pub(crate) fn start(
    store: Store,
    clock: Arc<dyn Clock>,
    settings: WebhookSettings,
    public_url: String,
) -> anyhow::Result<()> {
    let worker = Arc::new(Worker {
        client: send::client(&settings)?,
        store,
        clock,
        settings,
        public_url,
    });
    actix_web::rt::spawn(async move {
        loop {
            match round(&worker).await {
                // A full batch: more may be due at once.
                Ok(claimed) if claimed as i64 >= BATCH => continue,
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "webhook deliveries: a round failed"),
            }
            actix_web::rt::time::sleep(worker.settings.poll_interval).await;
        }
    });
    Ok(())
}

impl Worker {
    /// Longer than an attempt can take: a claim older than this was cut short.
    fn lease(&self) -> Duration {
        self.settings.timeout * 2 + Duration::from_secs(5)
    }

    fn after_failure(&self, claim: &Claim) -> AfterFailure {
        let spread = rand::rng().random::<f64>();
        match self.settings.retries.after(claim.attempt, spread) {
            Some(wait) => AfterFailure::RetryIn(wait),
            None => AfterFailure::GiveUp {
                disable: claim.attempt == self.settings.retries.attempts(),
            },
        }
    }
}

/// Claims due messages, posts them side by side, records how each went;
/// answers how many were claimed.
async fn round(worker: &Arc<Worker>) -> anyhow::Result<usize> {
    let (store, now, lease) = (worker.store.clone(), worker.clock.now(), worker.lease());
    let claims =
        web::block(move || outbox::claim(&mut *store.conn()?, now, lease, BATCH)).await??;
    let count = claims.len();
    let sent = join_all(claims.iter().map(|claim| {
        send::deliver(
            &worker.client,
            worker.settings.addresses,
            claim,
            &worker.public_url,
        )
    }))
    .await;
    let finished: Vec<(Claim, Outcome, AfterFailure)> = claims
        .into_iter()
        .zip(sent)
        .map(|(claim, outcome)| {
            log_attempt(&claim, &outcome);
            let after = worker.after_failure(&claim);
            (claim, outcome, after)
        })
        .collect();
    // Every outcome recorded in one trip to the blocking pool.
    let (store, now) = (worker.store.clone(), worker.clock.now());
    web::block(move || -> Result<(), coophub_store::StoreError> {
        let mut conn = store.conn()?;
        for (claim, outcome, after) in &finished {
            coophub_app::telling::webhooks::finish(
                &mut conn,
                &claim.delivery_id,
                claim.attempt,
                outcome,
                *after,
                now,
            )?;
        }
        Ok(())
    })
    .await??;
    Ok(count)
}

fn log_attempt(claim: &Claim, outcome: &Outcome) {
    if outcome.succeeded() {
        tracing::debug!(id = %claim.delivery_id, attempt = claim.attempt, "webhook delivered");
    } else {
        tracing::info!(
            id = %claim.delivery_id,
            attempt = claim.attempt,
            status = outcome.status,
            error = outcome.error.as_deref().unwrap_or(""),
            "webhook delivery failed"
        );
    }
}
