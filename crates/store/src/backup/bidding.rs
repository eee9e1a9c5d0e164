//! The bid tables in a backup, after the opportunities they refer to, the
//! conversations of bids and placements, and where OCDS syncs stand.

use std::io::Write;

use diesel::prelude::*;

use super::{BackupError, Record, unclean_field};
use crate::bidding::bids::{BidRow, MemberRow};
use crate::bidding::documents::DocumentRow;
use crate::bidding::history::HistoryRow;
use crate::bidding::roles::{RoleRow, RoleSkillRow};
use crate::bidding::sections::SectionRow;
use crate::bidding::sync_cursors::CursorRow;
use crate::connection::DbConnection;
use crate::messages::MessageRow;
use crate::schema;

/// Writes the bid tables' rows to `out`, counting lines in `lines`.
pub(super) fn export(
    conn: &mut DbConnection,
    out: &mut dyn Write,
    lines: &mut usize,
) -> Result<(), BackupError> {
    use schema::*;
    let mut count = 0;
    dump!(conn, out, count, bids, BidRow, Bids, bids::id);
    dump!(
        conn,
        out,
        count,
        bid_members,
        MemberRow,
        BidMembers,
        (bid_members::bid_id, bid_members::coop_id)
    );
    dump!(
        conn,
        out,
        count,
        bid_roles,
        RoleRow,
        BidRoles,
        bid_roles::id
    );
    dump!(
        conn,
        out,
        count,
        bid_role_skills,
        RoleSkillRow,
        BidRoleSkills,
        (bid_role_skills::role_id, bid_role_skills::skill_slug)
    );
    dump!(
        conn,
        out,
        count,
        bid_sections,
        SectionRow,
        BidSections,
        bid_sections::id
    );
    dump!(
        conn,
        out,
        count,
        messages,
        MessageRow,
        Messages,
        messages::id
    );
    dump!(
        conn,
        out,
        count,
        bid_history,
        HistoryRow,
        BidHistory,
        bid_history::id
    );
    dump!(
        conn,
        out,
        count,
        bid_documents,
        DocumentRow,
        BidDocuments,
        bid_documents::id
    );
    dump!(
        conn,
        out,
        count,
        ocds_sync_cursors,
        CursorRow,
        OcdsSyncCursors,
        ocds_sync_cursors::source
    );
    *lines += count;
    Ok(())
}
