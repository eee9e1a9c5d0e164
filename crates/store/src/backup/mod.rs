//! Lossless backups as NDJSON: one line per row, every table, in a fixed
//! order (parents before children, rows by primary key), so that restoring a
//! backup and exporting again gives the same bytes.

mod rows;

use std::io::{BufRead, Write};

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::connection::DbConnection;
use crate::coops::row::CoopRow;
use crate::error::StoreError;
use crate::schema;
use crate::sharing::offers::OfferRow;
use crate::sharing::placements::{EventRow, PlacementRow};
use crate::sharing::requests::RequestRow;
use crate::sharing::rotations::RotationRow;
use crate::sharing::swaps::SwapRow;
use rows::{
    AliasRow, CaseStudyCoopRow, CaseStudySkillRow, CoopRoleRow, CoopSkillRow, OfferSkillRow,
    PersonSkillRow, RequestSkillRow, RotationSkillRow, SkillFullRow, TombstoneRow,
};

/// One line of a backup: a row of one table.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "table", content = "row", rename_all = "snake_case")]
enum Record {
    Users(crate::users::UserRow),
    Skills(SkillFullRow),
    SkillAliases(AliasRow),
    Coops(Box<CoopRow>),
    CoopSkills(CoopSkillRow),
    CoopRoles(CoopRoleRow),
    CoopClaims(crate::coops::claims::ClaimRow),
    Enquiries(crate::coops::enquiries::EnquiryRow),
    People(crate::people::PersonRow),
    PersonSkills(PersonSkillRow),
    CaseStudies(crate::case_studies::CaseStudyRow),
    CaseStudyCoops(CaseStudyCoopRow),
    CaseStudySkills(CaseStudySkillRow),
    Tombstones(TombstoneRow),
    Offers(Box<OfferRow>),
    OfferSkills(OfferSkillRow),
    Requests(Box<RequestRow>),
    RequestSkills(RequestSkillRow),
    Placements(Box<PlacementRow>),
    PlacementEvents(EventRow),
    Rotations(Box<RotationRow>),
    RotationSkills(RotationSkillRow),
    Swaps(Box<SwapRow>),
    SocialGoodProposals(Box<crate::sharing::social_good::ProposalRow>),
    CalendarFeeds(crate::sharing::feeds::FeedRow),
    Opportunities(Box<crate::bidding::opportunities::OpportunityRow>),
    OpportunitySkills(rows::OpportunitySkillRow),
    OpportunityCpv(rows::OpportunityCpvRow),
    Bids(Box<crate::bidding::bids::BidRow>),
    BidMembers(crate::bidding::bids::MemberRow),
    BidRoles(crate::bidding::roles::RoleRow),
    BidRoleSkills(crate::bidding::roles::RoleSkillRow),
    BidSections(crate::bidding::sections::SectionRow),
    Messages(crate::messages::MessageRow),
    BidHistory(crate::bidding::history::HistoryRow),
    BidDocuments(crate::bidding::documents::DocumentRow),
    OcdsSyncCursors(crate::bidding::sync_cursors::CursorRow),
    Events(crate::notifications::EventRow),
    EventCoops(crate::notifications::EventCoopRow),
    Notifications(crate::notifications::NotificationRow),
    Alerts(crate::alerts::AlertRow),
    AlertHits(crate::alerts::HitRow),
    TalentAlertHits(crate::alerts::TalentHitRow),
    DeadlineFeeds(crate::deadline_feeds::DeadlineFeedRow),
    MailPreferences(crate::mail::PreferenceRow),
    RemindersSent(crate::reminders::ReminderRow),
    Webhooks(Box<crate::webhooks::WebhookRow>),
    WebhookDeliveries(crate::webhooks::outbox::DeliveryRow),
    WebhookAttempts(crate::webhooks::outbox::AttemptRow),
    FundYears(crate::fund::YearRow),
    FundFederation(crate::fund::FederationRow),
    FundPledges(crate::fund::PledgeRow),
    FundInvoices(crate::fund::InvoiceRow),
    FundPayments(crate::fund::PaymentRow),
    FundSpending(crate::fund::SpendingRow),
    FundBidIncome(crate::fund::BidIncomeRow),
}

/// A backup line that could not be read or restored.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Reading or writing the file failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// A line is not a backup record.
    #[error("line {line}: {problem}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// The target database already holds data.
    #[error("the database is not empty ({0}); restore into a new database")]
    NotEmpty(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A file copy was asked of a PostgreSQL database.
    #[error(
        "`coophub backup` copies SQLite databases; on PostgreSQL use pg_dump \
         (docs/DEPLOYMENT.md) or `coophub export`"
    )]
    NotSqlite,
}

impl From<diesel::result::Error> for BackupError {
    fn from(error: diesel::result::Error) -> Self {
        Self::Store(error.into())
    }
}

macro_rules! dump {
    ($conn:expr, $out:expr, $count:expr, $table:ident, $row:ty, $variant:ident, $order:expr) => {
        for row in schema::$table::table
            .order($order)
            .select(<$row>::as_select())
            .load::<$row>($conn)?
        {
            let record = Record::$variant(row.into());
            if let Some(field) = unclean_field(&record) {
                // Written as it is, so the backup stays lossless; restoring it is refused.
                tracing::warn!(
                    table = stringify!($table),
                    field,
                    "a row holds NUL or another control character, which PostgreSQL cannot \
                     store and coophub no longer accepts: fix it before restoring this backup"
                );
            }
            serde_json::to_writer(&mut *$out, &record).map_err(std::io::Error::from)?;
            $out.write_all(b"\n")?;
            $count += 1;
        }
    };
}

mod bidding;
mod fund;
mod outbox;
mod sharing;

/// Writes every row of every table to `out`, all as of one moment (writers
/// may carry on meanwhile); answers how many lines.
pub fn export(conn: &mut DbConnection, out: &mut dyn Write) -> Result<usize, BackupError> {
    use schema::*;
    let mut lines = 0;
    crate::transaction::snapshot(conn, |conn| {
        dump!(
            conn,
            out,
            lines,
            users,
            crate::users::UserRow,
            Users,
            users::id
        );
        dump!(conn, out, lines, skills, SkillFullRow, Skills, skills::slug);
        dump!(
            conn,
            out,
            lines,
            skill_aliases,
            AliasRow,
            SkillAliases,
            skill_aliases::alias_key
        );
        dump!(conn, out, lines, coops, CoopRow, Coops, coops::id);
        dump!(
            conn,
            out,
            lines,
            coop_skills,
            CoopSkillRow,
            CoopSkills,
            (
                coop_skills::coop_id,
                coop_skills::kind,
                coop_skills::skill_slug
            )
        );
        dump!(
            conn,
            out,
            lines,
            coop_roles,
            CoopRoleRow,
            CoopRoles,
            (coop_roles::coop_id, coop_roles::user_id)
        );
        dump!(
            conn,
            out,
            lines,
            coop_claims,
            crate::coops::claims::ClaimRow,
            CoopClaims,
            coop_claims::id
        );
        dump!(
            conn,
            out,
            lines,
            enquiries,
            crate::coops::enquiries::EnquiryRow,
            Enquiries,
            enquiries::id
        );
        dump!(
            conn,
            out,
            lines,
            people,
            crate::people::PersonRow,
            People,
            people::id
        );
        dump!(
            conn,
            out,
            lines,
            person_skills,
            PersonSkillRow,
            PersonSkills,
            (person_skills::person_id, person_skills::skill_slug)
        );
        dump!(
            conn,
            out,
            lines,
            case_studies,
            crate::case_studies::CaseStudyRow,
            CaseStudies,
            case_studies::id
        );
        dump!(
            conn,
            out,
            lines,
            case_study_coops,
            CaseStudyCoopRow,
            CaseStudyCoops,
            (case_study_coops::case_study_id, case_study_coops::coop_id)
        );
        dump!(
            conn,
            out,
            lines,
            case_study_skills,
            CaseStudySkillRow,
            CaseStudySkills,
            (
                case_study_skills::case_study_id,
                case_study_skills::skill_slug
            )
        );
        dump!(
            conn,
            out,
            lines,
            tombstones,
            TombstoneRow,
            Tombstones,
            (tombstones::entity, tombstones::entity_id)
        );
        sharing::export(conn, out, &mut lines)?;
        bidding::export(conn, out, &mut lines)?;
        outbox::export(conn, out, &mut lines)?;
        fund::export(conn, out, &mut lines)?;
        Ok::<_, BackupError>(())
    })?;
    Ok(lines)
}

/// Copies a SQLite database into a new file at `path` while the server keeps
/// running (`VACUUM INTO`: one read transaction, so the copy is the database
/// as of one moment, compacted and ready to serve). PostgreSQL has its own
/// tool for this (`pg_dump`), and `export` works on both.
pub fn copy_sqlite(conn: &mut DbConnection, path: &std::path::Path) -> Result<(), BackupError> {
    let DbConnection::Sqlite(sqlite) = conn else {
        return Err(BackupError::NotSqlite);
    };
    if path.exists() {
        return Err(BackupError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} exists already; give a new file", path.display()),
        )));
    }
    let target = path.to_str().ok_or_else(|| {
        BackupError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the backup's path is not valid UTF-8",
        ))
    })?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<diesel::sql_types::Text, _>(target)
        .execute(sqlite)?;
    Ok(())
}

/// Restores a backup into a database that holds no accounts, co-ops, people
/// or case studies yet (its built-in vocabulary is replaced by the backup's).
/// All or nothing: answers how many rows were restored.
pub fn restore(conn: &mut DbConnection, input: &mut dyn BufRead) -> Result<usize, BackupError> {
    conn.transaction(|conn| {
        let users: i64 = schema::users::table.count().get_result(conn)?;
        let coops: i64 = schema::coops::table.count().get_result(conn)?;
        let people: i64 = schema::people::table.count().get_result(conn)?;
        let studies: i64 = schema::case_studies::table.count().get_result(conn)?;
        if users + coops + people + studies > 0 {
            return Err(BackupError::NotEmpty(format!(
                "{users} accounts, {coops} co-ops, {people} people, {studies} case studies"
            )));
        }
        diesel::delete(schema::skill_aliases::table).execute(conn)?;
        diesel::delete(schema::skills::table).execute(conn)?;
        let mut restored = 0;
        for (index, line) in input.lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let bad = |problem: String| BackupError::BadLine {
                line: index + 1,
                problem,
            };
            let record: Record = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
            if let Some(field) = unclean_field(&record) {
                return Err(bad(format!(
                    "`{field}` holds NUL or another control character, which PostgreSQL \
                     cannot store and coophub no longer accepts; remove it and restore again"
                )));
            }
            insert(conn, record).map_err(|e| bad(e.to_string()))?;
            restored += 1;
        }
        // The search index follows the log: everything restored is new to it.
        crate::changes::record_everything(conn, chrono::Utc::now())?;
        Ok(restored)
    })
}

/// The first field of `record` holding text coophub refuses (NUL or another
/// control character; `coophub_domain::text`), if any: rows stored before
/// that rule existed may hold it, on SQLite.
fn unclean_field(record: &Record) -> Option<String> {
    let serde_json::Value::Object(line) = serde_json::to_value(record).ok()? else {
        return None;
    };
    let serde_json::Value::Object(row) = line.get("row")? else {
        return None;
    };
    row.iter().find_map(|(field, value)| match value {
        serde_json::Value::String(text) if coophub_domain::text::has_forbidden_control(text) => {
            Some(field.clone())
        }
        _ => None,
    })
}

fn insert(conn: &mut DbConnection, record: Record) -> QueryResult<usize> {
    use schema::*;
    match record {
        Record::Users(row) => diesel::insert_into(users::table).values(row).execute(conn),
        Record::Skills(row) => diesel::insert_into(skills::table).values(row).execute(conn),
        Record::SkillAliases(row) => diesel::insert_into(skill_aliases::table)
            .values(row)
            .execute(conn),
        Record::Coops(row) => diesel::insert_into(coops::table).values(*row).execute(conn),
        Record::CoopSkills(row) => diesel::insert_into(coop_skills::table)
            .values(row)
            .execute(conn),
        Record::CoopRoles(row) => diesel::insert_into(coop_roles::table)
            .values(row)
            .execute(conn),
        Record::CoopClaims(row) => diesel::insert_into(coop_claims::table)
            .values(row)
            .execute(conn),
        Record::Enquiries(row) => diesel::insert_into(enquiries::table)
            .values(row)
            .execute(conn),
        Record::People(row) => diesel::insert_into(people::table).values(row).execute(conn),
        Record::PersonSkills(row) => diesel::insert_into(person_skills::table)
            .values(row)
            .execute(conn),
        Record::CaseStudies(row) => diesel::insert_into(case_studies::table)
            .values(row)
            .execute(conn),
        Record::CaseStudyCoops(row) => diesel::insert_into(case_study_coops::table)
            .values(row)
            .execute(conn),
        Record::CaseStudySkills(row) => diesel::insert_into(case_study_skills::table)
            .values(row)
            .execute(conn),
        Record::Tombstones(row) => diesel::insert_into(tombstones::table)
            .values(row)
            .execute(conn),
        Record::Offers(row) => diesel::insert_into(offers::table)
            .values(*row)
            .execute(conn),
        Record::OfferSkills(row) => diesel::insert_into(offer_skills::table)
            .values(row)
            .execute(conn),
        Record::Requests(row) => diesel::insert_into(requests::table)
            .values(*row)
            .execute(conn),
        Record::RequestSkills(row) => diesel::insert_into(request_skills::table)
            .values(row)
            .execute(conn),
        Record::Placements(row) => diesel::insert_into(placements::table)
            .values(*row)
            .execute(conn),
        Record::PlacementEvents(row) => diesel::insert_into(placement_events::table)
            .values(row)
            .execute(conn),
        Record::Rotations(row) => diesel::insert_into(rotations::table)
            .values(*row)
            .execute(conn),
        Record::RotationSkills(row) => diesel::insert_into(rotation_skills::table)
            .values(row)
            .execute(conn),
        Record::Swaps(row) => diesel::insert_into(swaps::table).values(*row).execute(conn),
        Record::SocialGoodProposals(row) => diesel::insert_into(social_good_proposals::table)
            .values(*row)
            .execute(conn),
        Record::CalendarFeeds(row) => diesel::insert_into(calendar_feeds::table)
            .values(row)
            .execute(conn),
        Record::Opportunities(row) => diesel::insert_into(opportunities::table)
            .values(*row)
            .execute(conn),
        Record::OpportunitySkills(row) => diesel::insert_into(opportunity_skills::table)
            .values(row)
            .execute(conn),
        Record::OpportunityCpv(row) => diesel::insert_into(opportunity_cpv::table)
            .values(row)
            .execute(conn),
        Record::Bids(row) => diesel::insert_into(bids::table).values(*row).execute(conn),
        Record::BidMembers(row) => diesel::insert_into(bid_members::table)
            .values(row)
            .execute(conn),
        Record::BidRoles(row) => diesel::insert_into(bid_roles::table)
            .values(row)
            .execute(conn),
        Record::BidRoleSkills(row) => diesel::insert_into(bid_role_skills::table)
            .values(row)
            .execute(conn),
        Record::BidSections(row) => diesel::insert_into(bid_sections::table)
            .values(row)
            .execute(conn),
        Record::Messages(row) => diesel::insert_into(messages::table)
            .values(row)
            .execute(conn),
        Record::BidHistory(row) => diesel::insert_into(bid_history::table)
            .values(row)
            .execute(conn),
        Record::BidDocuments(row) => diesel::insert_into(bid_documents::table)
            .values(row)
            .execute(conn),
        Record::OcdsSyncCursors(row) => diesel::insert_into(ocds_sync_cursors::table)
            .values(row)
            .execute(conn),
        Record::Events(row) => diesel::insert_into(events::table).values(row).execute(conn),
        Record::EventCoops(row) => diesel::insert_into(event_coops::table)
            .values(row)
            .execute(conn),
        Record::Notifications(row) => diesel::insert_into(notifications::table)
            .values(row)
            .execute(conn),
        Record::Alerts(row) => diesel::insert_into(alerts::table).values(row).execute(conn),
        Record::AlertHits(row) => diesel::insert_into(alert_hits::table)
            .values(row)
            .execute(conn),
        Record::TalentAlertHits(row) => diesel::insert_into(talent_alert_hits::table)
            .values(row)
            .execute(conn),
        Record::FundYears(row) => diesel::insert_into(fund_years::table)
            .values(row)
            .execute(conn),
        Record::FundFederation(row) => diesel::insert_into(fund_federation::table)
            .values(row)
            .execute(conn),
        Record::FundPledges(row) => diesel::insert_into(fund_pledges::table)
            .values(row)
            .execute(conn),
        Record::FundInvoices(row) => diesel::insert_into(fund_invoices::table)
            .values(row)
            .execute(conn),
        Record::FundPayments(row) => diesel::insert_into(fund_payments::table)
            .values(row)
            .execute(conn),
        Record::FundSpending(row) => diesel::insert_into(fund_spending::table)
            .values(row)
            .execute(conn),
        Record::FundBidIncome(row) => diesel::insert_into(fund_bid_income::table)
            .values(row)
            .execute(conn),
        Record::DeadlineFeeds(row) => diesel::insert_into(deadline_feeds::table)
            .values(row)
            .execute(conn),
        Record::MailPreferences(row) => diesel::insert_into(mail_preferences::table)
            .values(row)
            .execute(conn),
        Record::RemindersSent(row) => diesel::insert_into(reminders_sent::table)
            .values(row)
            .execute(conn),
        Record::Webhooks(row) => diesel::insert_into(webhooks::table)
            .values(*row)
            .execute(conn),
        Record::WebhookDeliveries(row) => diesel::insert_into(webhook_deliveries::table)
            .values(row)
            .execute(conn),
        Record::WebhookAttempts(row) => diesel::insert_into(webhook_attempts::table)
            .values(row)
            .execute(conn),
    }
}
