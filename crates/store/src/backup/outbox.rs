//! Events and notifications in a backup, after the accounts and co-ops
//! they refer to.

use std::io::Write;

use diesel::prelude::*;

use super::{BackupError, Record, unclean_field};
use crate::connection::DbConnection;
use crate::notifications::{EventCoopRow, EventRow, NotificationRow};
use crate::schema;

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
    *lines += count;
    Ok(())
}
