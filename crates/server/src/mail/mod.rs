//! The mail worker: runs in every instance when an SMTP server is
//! configured (`COOPHUB_SMTP_URL`), and does nothing otherwise. Each round
//! sends the immediate mail that is due (claimed, so instances never send
//! the same one; a failure is tried twice more, five minutes apart) and,
//! once the day's digest hour has passed, each opted-in account's digest.

mod compose;

use std::sync::Arc;
use std::time::Duration;

use actix_web::web;
use chrono::{DateTime, NaiveTime, Utc};
use coophub_domain::Clock;
use coophub_store::Store;
use coophub_store::mail;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::MailSettings;

/// Most mails of one kind a round claims.
const BATCH: i64 = 16;
/// How long a claimed mail is held: longer than sending can take.
const LEASE: Duration = Duration::from_secs(120);
/// The wait before trying a failed mail again.
const RETRY_IN: Duration = Duration::from_secs(300);

struct Worker {
    store: Store,
    clock: Arc<dyn Clock>,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    digest_hour: u32,
    poll_interval: Duration,
    public_url: String,
}

/// Starts the worker on the current runtime when `settings` name an SMTP
/// server; it runs until the process ends.
pub(crate) fn start(
    store: Store,
    clock: Arc<dyn Clock>,
    settings: &MailSettings,
    public_url: String,
) -> anyhow::Result<()> {
    let Some(url) = &settings.smtp_url else {
        return Ok(());
    };
    let worker = Arc::new(Worker {
        store,
        clock,
        transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?
            .timeout(Some(Duration::from_secs(30)))
            .build(),
        from: settings.from.parse()?,
        digest_hour: settings.digest_hour,
        poll_interval: settings.poll_interval,
        public_url,
    });
    actix_web::rt::spawn(async move {
        loop {
            if let Err(error) = round(&worker).await {
                tracing::warn!(%error, "mail: a round failed");
            }
            actix_web::rt::time::sleep(worker.poll_interval).await;
        }
    });
    Ok(())
}

/// Today's digest time, once it has passed.
fn digest_moment(now: DateTime<Utc>, hour: u32) -> Option<DateTime<Utc>> {
    let moment = now
        .date_naive()
        .and_time(NaiveTime::from_hms_opt(hour, 0, 0)?)
        .and_utc();
    (now >= moment).then_some(moment)
}

async fn round(worker: &Arc<Worker>) -> anyhow::Result<()> {
    let (store, now) = (worker.store.clone(), worker.clock.now());
    let due =
        web::block(move || mail::claim_immediate(&mut *store.conn()?, now, LEASE, BATCH)).await??;
    let mut outcomes = Vec::new();
    for mail in due {
        let sent = match compose::immediate(&worker.from, &mail, &worker.public_url) {
            Ok(message) => send(worker, message).await,
            Err(error) => {
                tracing::warn!(%error, "mail: could not compose a notification");
                false
            }
        };
        outcomes.push((mail.notification_id, sent));
    }
    let (store, now) = (worker.store.clone(), worker.clock.now());
    web::block(move || -> Result<(), coophub_store::StoreError> {
        let mut conn = store.conn()?;
        for (id, sent) in &outcomes {
            mail::finish_immediate(&mut conn, id, *sent, RETRY_IN, now)?;
        }
        Ok(())
    })
    .await??;

    let Some(moment) = digest_moment(now, worker.digest_hour) else {
        return Ok(());
    };
    let store = worker.store.clone();
    let digests =
        web::block(move || mail::claim_digests(&mut *store.conn()?, now, moment, BATCH)).await??;
    for digest in digests {
        match compose::digest(&worker.from, &digest, &worker.public_url) {
            Ok(message) => {
                send(worker, message).await;
            }
            Err(error) => tracing::warn!(%error, "mail: could not compose a digest"),
        }
    }
    Ok(())
}

/// Sends `message`; answers whether the server took it.
async fn send(worker: &Worker, message: Message) -> bool {
    match worker.transport.send(message).await {
        Ok(_) => true,
        Err(error) => {
            tracing::warn!(%error, "mail: the SMTP server did not take a mail");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn digests_wait_for_the_hour() {
        let early = Utc.with_ymd_and_hms(2027, 3, 1, 6, 59, 0).unwrap();
        assert_eq!(digest_moment(early, 7), None);
        let late = Utc.with_ymd_and_hms(2027, 3, 1, 7, 0, 0).unwrap();
        assert_eq!(digest_moment(late, 7), Some(late));
    }
}
