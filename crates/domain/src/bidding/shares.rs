//! Fair shares of a bid: each partner's work share and revenue share, in
//! exact integer arithmetic (minor currency units, basis points), adding up
//! to the bid value to the unit.
//!
//! The bid value is split in this order:
//! 1. the optional network-fund contribution, `fund_bp` of the value (rounded
//!    down), shown apart because the fund is optional;
//! 2. the lead premium, `lead_premium_bp` of the value (rounded down), to the
//!    lead partner;
//! 3. the value of the work nobody does yet: the rest in proportion to the
//!    effort days of roles no partner fills against all roles' effort, shown
//!    apart (`unassigned`) and never handed to a partner;
//! 4. the rest, in proportion to each partner's cost (the sum of its roles'
//!    effort days × internal day rate); with no costs at all, equally.
//!
//! Proportions are rounded with the largest-remainder method: everyone gets
//! the whole units of their exact share, and the units left over go one each
//! to the largest fractional parts; equal fractions go to the partner whose id
//! sorts first. The answer depends only on the partners and their roles, not
//! on the order they are listed in.

use std::collections::BTreeMap;

/// Basis points in a whole: 10,000 bp = 100%.
pub const WHOLE_BP: u32 = 10_000;

/// One role's work, for the partner that fills it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleWork<P> {
    /// The partner filling the role.
    pub partner: P,
    /// Effort in days.
    pub effort_days: u32,
    /// Internal day rate in minor units of the bid's currency.
    pub day_rate: u64,
}

/// What a bid's value is split by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareTerms<P> {
    /// The bid's value in minor units.
    pub value: u64,
    /// The lead partner (gets the premium; a partner even without roles).
    pub lead: P,
    /// Every partner of the consortium (those without roles get a work share
    /// of 0 and only what the rest's rounding gives them: nothing).
    pub partners: Vec<P>,
    /// The roles and who fills them.
    pub roles: Vec<RoleWork<P>>,
    /// Effort days of the roles no partner fills yet.
    pub unstaffed_days: u64,
    /// The lead premium, in basis points of the value.
    pub lead_premium_bp: u32,
    /// The optional network-fund contribution, in basis points of the value.
    pub fund_bp: Option<u32>,
}

/// One partner's share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share<P> {
    /// The partner.
    pub partner: P,
    /// Effort days of its roles.
    pub effort_days: u64,
    /// Its roles' effort × internal rate, in minor units.
    pub cost: u128,
    /// Its part of all effort, in basis points (all partners' add up to 10,000
    /// when there is any effort).
    pub work_share_bp: u32,
    /// The lead premium it gets (the lead's, else 0).
    pub lead_premium: u64,
    /// Its revenue, premium included, in minor units.
    pub revenue: u64,
}

/// The split of a bid's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shares<P> {
    /// Per partner, in partner order.
    pub partners: Vec<Share<P>>,
    /// The network-fund contribution (`None`: the bid gives none).
    pub fund: Option<u64>,
    /// The value of the roles no partner fills yet, kept apart.
    pub unassigned: u64,
}

/// Terms that cannot be split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// The premium and the fund together take more than the whole value.
    OverAllocated,
    /// The lead, or a role's partner, is not a partner.
    UnknownPartner,
}

/// `value × part / whole`, rounded down, without overflow.
fn part_of(value: u64, part: u32) -> u64 {
    u64::try_from(u128::from(value) * u128::from(part) / u128::from(WHOLE_BP)).unwrap_or(u64::MAX)
}

/// Splits `total` units in proportion to `weights` by largest remainder;
/// ties go to the lower key. With all weights 0, splits equally.
pub fn largest_remainder<P: Ord + Clone>(
    total: u128,
    weights: &BTreeMap<P, u128>,
) -> BTreeMap<P, u128> {
    let equal = weights.values().all(|w| *w == 0);
    let weight = |w: u128| if equal { 1 } else { w };
    let sum: u128 = weights.values().map(|w| weight(*w)).sum();
    let mut shares = BTreeMap::new();
    if sum == 0 {
        return shares;
    }
    let mut remainders = Vec::with_capacity(weights.len());
    let mut given = 0u128;
    for (key, w) in weights {
        let exact = total * weight(*w);
        shares.insert(key.clone(), exact / sum);
        given += exact / sum;
        remainders.push((exact % sum, key.clone()));
    }
    // Largest remainder first; equal remainders in key order.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (_, key) in remainders
        .into_iter()
        .take(usize::try_from(total - given).unwrap_or(0))
    {
        if let Some(share) = shares.get_mut(&key) {
            *share += 1;
        }
    }
    shares
}

/// Splits the bid value as the module documentation says.
pub fn fair_shares<P: Ord + Clone>(terms: &ShareTerms<P>) -> Result<Shares<P>, ShareError> {
    let fund_bp = terms.fund_bp.unwrap_or(0);
    if u64::from(terms.lead_premium_bp) + u64::from(fund_bp) > u64::from(WHOLE_BP) {
        return Err(ShareError::OverAllocated);
    }
    let known = |p: &P| terms.partners.contains(p);
    if !known(&terms.lead) || !terms.roles.iter().all(|r| known(&r.partner)) {
        return Err(ShareError::UnknownPartner);
    }
    let fund = part_of(terms.value, fund_bp);
    let premium = part_of(terms.value, terms.lead_premium_bp);
    let staffed_days: u64 = terms.roles.iter().map(|r| u64::from(r.effort_days)).sum();
    let unassigned = if terms.unstaffed_days == 0 {
        0
    } else {
        let whole = u128::from(staffed_days) + u128::from(terms.unstaffed_days);
        let exact = u128::from(terms.value - fund - premium) * u128::from(terms.unstaffed_days);
        u64::try_from(exact / whole).unwrap_or(u64::MAX)
    };
    let rest = terms.value - fund - premium - unassigned;
    let mut cost: BTreeMap<P, u128> = terms.partners.iter().map(|p| (p.clone(), 0)).collect();
    let mut effort: BTreeMap<P, u128> = cost.clone();
    for role in &terms.roles {
        if let Some(c) = cost.get_mut(&role.partner) {
            *c += u128::from(role.effort_days) * u128::from(role.day_rate);
        }
        if let Some(e) = effort.get_mut(&role.partner) {
            *e += u128::from(role.effort_days);
        }
    }
    let revenue = largest_remainder(u128::from(rest), &cost);
    let any_effort = effort.values().any(|e| *e > 0);
    let work = if any_effort {
        largest_remainder(u128::from(WHOLE_BP), &effort)
    } else {
        BTreeMap::new()
    };
    let partners = cost
        .iter()
        .map(|(partner, cost)| {
            let lead_premium = if *partner == terms.lead { premium } else { 0 };
            let earned = revenue.get(partner).copied().unwrap_or(0);
            Share {
                partner: partner.clone(),
                effort_days: u64::try_from(effort.get(partner).copied().unwrap_or(0))
                    .unwrap_or(u64::MAX),
                cost: *cost,
                work_share_bp: u32::try_from(work.get(partner).copied().unwrap_or(0))
                    .unwrap_or(u32::MAX),
                lead_premium,
                revenue: u64::try_from(earned).unwrap_or(u64::MAX) + lead_premium,
            }
        })
        .collect();
    Ok(Shares {
        partners,
        fund: terms.fund_bp.map(|_| fund),
        unassigned,
    })
}

#[cfg(test)]
mod tests;
