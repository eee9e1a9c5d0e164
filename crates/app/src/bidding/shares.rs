//! Each partner's work and revenue share of a bid
//! (`coophub_domain::bidding::fair_shares`), to the consortium only.

use crate::guard::{Lock, load};
use coophub_domain::access::Viewer;
use coophub_domain::access::bidding::read_rates;
use coophub_store::DbConnection;

use crate::AppError;
use crate::bidding::bids::BidCase;
use crate::shapes::CoopRef;
use coophub_domain::bidding::{RoleWork, ShareError, ShareTerms, fair_shares};
use serde::Serialize;
use uuid::Uuid;

/// One partner's share.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerShare {
    /// The co-op.
    pub coop: CoopRef,
    /// Whether it leads (and so gets the premium).
    pub lead: bool,
    /// Effort days of its roles.
    pub effort_days: u64,
    /// Its roles' effort × internal day rate, in minor units.
    pub cost: u64,
    /// Its part of all effort in basis points (all add up to 10000).
    pub work_share_bp: u32,
    /// The lead premium it gets, in minor units.
    pub lead_premium: u64,
    /// Its revenue, premium included, in minor units.
    pub revenue: u64,
}

/// A role nobody fills yet.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnstaffedRole {
    /// The role.
    pub id: Uuid,
    /// Its title.
    pub title: String,
    /// Its effort in days.
    pub effort_days: u32,
}

/// The part of the value that belongs to work nobody does yet.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnassignedWork {
    /// In minor units: what is left after the fund and the premium, in
    /// proportion to these roles' effort days against all roles' (rounded down).
    pub value: u64,
    /// The roles.
    pub roles: Vec<UnstaffedRole>,
}

/// How the bid's value is split.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharesView {
    /// The value split, in minor units: the bid's price, or without one the
    /// sum of the roles' costs.
    pub value: u64,
    /// Whether `value` is the bid's price (`false`: the costs stand in).
    pub priced: bool,
    /// ISO 4217 currency of every amount, when known.
    pub currency: Option<String>,
    /// The lead premium in basis points.
    pub lead_premium_bp: u32,
    /// The optional network-fund contribution in basis points; `null`: the
    /// bid gives none (the fund is optional).
    pub fund_bp: Option<u32>,
    /// The network-fund contribution in minor units; `null` without one.
    pub fund: Option<u64>,
    /// What the fund contribution is, in words, when the bid gives one.
    pub fund_note: Option<&'static str>,
    /// Per partner, lead first then by co-op id. Revenues, premium, fund and
    /// the unassigned part add up to `value` exactly.
    pub partners: Vec<PartnerShare>,
    /// The work no consortium co-op does yet: its value, kept apart and
    /// handed to no partner until someone fills its roles.
    pub unassigned: UnassignedWork,
    /// How amounts are rounded.
    pub rounding: &'static str,
}

/// The split of `case`'s value.
pub fn shares_of(case: &BidCase) -> Result<SharesView, AppError> {
    let partners = case.consortium();
    let (assigned, unassigned): (Vec<_>, Vec<_>) = case
        .roles
        .iter()
        .partition(|role| role.coop_id.is_some_and(|c| partners.contains(&c)));
    let roles: Vec<RoleWork<Uuid>> = assigned
        .iter()
        .filter_map(|role| {
            Some(RoleWork {
                partner: role.coop_id?,
                effort_days: role.effort_days,
                day_rate: u64::try_from(role.day_rate.unwrap_or(0)).unwrap_or(0),
            })
        })
        .collect();
    let costs: u128 = roles
        .iter()
        .map(|r| u128::from(r.effort_days) * u128::from(r.day_rate))
        .sum();
    let price = case
        .bid
        .value
        .as_ref()
        .and_then(|v| u64::try_from(v.amount).ok());
    let terms = ShareTerms {
        value: price.unwrap_or_else(|| u64::try_from(costs).unwrap_or(u64::MAX)),
        lead: case.bid.lead_coop_id,
        partners: partners.clone(),
        roles,
        lead_premium_bp: case.bid.shares.lead_premium_bp,
        fund_bp: case.bid.shares.fund_bp,
        unstaffed_days: unassigned
            .iter()
            .map(|role| u64::from(role.effort_days))
            .sum(),
    };
    let split = fair_shares(&terms).map_err(|error| match error {
        ShareError::OverAllocated | ShareError::UnknownPartner => {
            AppError::internal("a stored bid's share terms do not add up")
        }
    })?;
    let mut shares: Vec<PartnerShare> = split
        .partners
        .into_iter()
        .filter_map(|share| {
            let coop = case.coop(share.partner)?;
            Some(PartnerShare {
                coop: CoopRef {
                    slug: coop.slug.clone(),
                    name: coop.profile.name.clone(),
                },
                lead: share.partner == case.bid.lead_coop_id,
                effort_days: share.effort_days,
                cost: u64::try_from(share.cost).unwrap_or(u64::MAX),
                work_share_bp: share.work_share_bp,
                lead_premium: share.lead_premium,
                revenue: share.revenue,
            })
        })
        .collect();
    shares.sort_by_key(|share| !share.lead);
    Ok(SharesView {
        value: terms.value,
        priced: price.is_some(),
        currency: case
            .bid
            .value
            .as_ref()
            .map(|v| v.currency.clone())
            .or_else(|| {
                case.opportunity
                    .tender
                    .value
                    .as_ref()
                    .map(|v| v.currency.clone())
            }),
        lead_premium_bp: terms.lead_premium_bp,
        fund_bp: terms.fund_bp,
        fund: split.fund,
        fund_note: split.fund.map(|_| {
            "optional: a contribution to the network fund the consortium chose to give; \
             it is nobody's revenue"
        }),
        partners: shares,
        unassigned: UnassignedWork {
            value: split.unassigned,
            roles: unassigned
                .iter()
                .map(|role| UnstaffedRole {
                    id: role.id,
                    title: role.title.clone(),
                    effort_days: role.effort_days,
                })
                .collect(),
        },
        rounding: "exact integers in minor units; the fund and the premium are rounded down, \
                   and the rest is split by cost with the largest-remainder method, equal \
                   remainders going to the co-op whose id sorts first",
    })
}

/// Each partner's work and revenue share of the bid `id`, to its
/// consortium.
pub fn of_bid(conn: &mut DbConnection, viewer: &Viewer, id: Uuid) -> Result<SharesView, AppError> {
    let case = load::<BidCase>(conn, viewer, &id, read_rates, Lock::Read)?;
    shares_of(&case)
}
