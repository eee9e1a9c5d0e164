//! Events, notifications, reminders given, alerts, email choices and webhooks (with their secrets: a
//! backup is as secret as the database) in a backup, after the accounts, co-ops
//! and opportunities they refer to.

use std::io::Write;

use diesel::prelude::*;

use super::{BackupError, Record, unclean_field};
use crate::alerts::{AlertRow, HitRow, TalentHitRow};
use crate::connection::DbConnection;
use crate::deadline_feeds::DeadlineFeedRow;
use crate::mail::PreferenceRow;
use crate::notifications::{EventCoopRow, EventRow, NotificationRow};
use crate::reminders::ReminderRow;
use crate::schema;
use crate::webhooks::WebhookRow;
use crate::webhooks::outbox::{AttemptRow, DeliveryRow};

/// Writes the event tables' rows to `out`, counting lines in `lines`.
pub(super) fn export(
    conn: &mut DbConnection,
    out: &mut dyn Write,
    lines: &mut usize,
) -> Result<(), BackupError> {
    use schema::*;
    let mut count = 0;
    dump!(conn, out, count, events, EventRow, Events, events::seq);
    dump!(
        conn,
        out,
        count,
        event_coops,
        EventCoopRow,
        EventCoops,
        (event_coops::event_id, event_coops::coop_id)
    );
    dump!(
        conn,
        out,
        count,
        notifications,
        NotificationRow,
        Notifications,
        notifications::id
    );
    dump!(conn, out, count, alerts, AlertRow, Alerts, alerts::id);
    dump!(
        conn,
        out,
        count,
        alert_hits,
        HitRow,
        AlertHits,
        (alert_hits::alert_id, alert_hits::opportunity_id)
    );
    dump!(
        conn,
        out,
        count,
        talent_alert_hits,
        TalentHitRow,
        TalentAlertHits,
        (talent_alert_hits::alert_id, talent_alert_hits::item_id)
    );
    dump!(
        conn,
        out,
        count,
        deadline_feeds,
        DeadlineFeedRow,
        DeadlineFeeds,
        deadline_feeds::user_id
    );
    dump!(
        conn,
        out,
        count,
        mail_preferences,
        PreferenceRow,
        MailPreferences,
        mail_preferences::user_id
    );
    dump!(
        conn,
        out,
        count,
        reminders_sent,
        ReminderRow,
        RemindersSent,
        (
            reminders_sent::subject_type,
            reminders_sent::subject_id,
            reminders_sent::moment
        )
    );
    dump!(
        conn,
        out,
        count,
        webhooks,
        WebhookRow,
        Webhooks,
        webhooks::id
    );
    dump!(
        conn,
        out,
        count,
        webhook_deliveries,
        DeliveryRow,
        WebhookDeliveries,
        webhook_deliveries::id
    );
    dump!(
        conn,
        out,
        count,
        webhook_attempts,
        AttemptRow,
        WebhookAttempts,
        (webhook_attempts::delivery_id, webhook_attempts::number)
    );
    *lines += count;
    Ok(())
}
