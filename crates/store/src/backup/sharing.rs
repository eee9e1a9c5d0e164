//! The sharing and bidding tables in a backup: offers, requests,
//! placements, rotation requests, swaps, social-good proposals, calendar
//! feeds and opportunities with their children, after the tables they
//! refer to.

use std::io::Write;

use diesel::prelude::*;

use super::rows::{OfferSkillRow, RequestSkillRow, RotationSkillRow};
use super::{BackupError, Record, unclean_field};
use crate::connection::DbConnection;
use crate::schema;
use crate::sharing::feeds::FeedRow;
use crate::sharing::offers::OfferRow;
use crate::sharing::placements::{EventRow, PlacementRow};
use crate::sharing::requests::RequestRow;
use crate::sharing::rotations::RotationRow;
use crate::sharing::social_good::ProposalRow;
use crate::sharing::swaps::SwapRow;

/// Writes the sharing tables' rows to `out`, counting lines in `lines`.
pub(super) fn export(
    conn: &mut DbConnection,
    out: &mut dyn Write,
    lines: &mut usize,
) -> Result<(), BackupError> {
    use schema::*;
    let mut count = 0;
    dump!(conn, out, count, offers, OfferRow, Offers, offers::id);
    dump!(
        conn,
        out,
        count,
        offer_skills,
        OfferSkillRow,
        OfferSkills,
        (offer_skills::offer_id, offer_skills::skill_slug)
    );
    dump!(
        conn,
        out,
        count,
        requests,
        RequestRow,
        Requests,
        requests::id
    );
    dump!(
        conn,
        out,
        count,
        request_skills,
        RequestSkillRow,
        RequestSkills,
        (request_skills::request_id, request_skills::skill_slug)
    );
    dump!(
        conn,
        out,
        count,
        placements,
        PlacementRow,
        Placements,
        placements::id
    );
    dump!(
        conn,
        out,
        count,
        placement_events,
        EventRow,
        PlacementEvents,
        (placement_events::placement_id, placement_events::seq)
    );
    dump!(
        conn,
        out,
        count,
        rotations,
        RotationRow,
        Rotations,
        rotations::id
    );
    dump!(
        conn,
        out,
        count,
        rotation_skills,
        RotationSkillRow,
        RotationSkills,
        (rotation_skills::rotation_id, rotation_skills::skill_slug)
    );
    dump!(conn, out, count, swaps, SwapRow, Swaps, swaps::id);
    dump!(
        conn,
        out,
        count,
        social_good_proposals,
        ProposalRow,
        SocialGoodProposals,
        social_good_proposals::id
    );
    dump!(
        conn,
        out,
        count,
        calendar_feeds,
        FeedRow,
        CalendarFeeds,
        calendar_feeds::id
    );
    dump!(
        conn,
        out,
        count,
        opportunities,
        crate::bidding::opportunities::OpportunityRow,
        Opportunities,
        opportunities::id
    );
    dump!(
        conn,
        out,
        count,
        opportunity_skills,
        super::rows::OpportunitySkillRow,
        OpportunitySkills,
        (
            opportunity_skills::opportunity_id,
            opportunity_skills::skill_slug
        )
    );
    dump!(
        conn,
        out,
        count,
        opportunity_cpv,
        super::rows::OpportunityCpvRow,
        OpportunityCpv,
        (opportunity_cpv::opportunity_id, opportunity_cpv::code)
    );
    *lines += count;
    Ok(())
}
