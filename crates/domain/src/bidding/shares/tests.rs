use proptest::prelude::*;

use super::*;

/// Minor units of `whole` pounds.
const fn pounds(whole: u64) -> u64 {
    whole * 100
}

fn terms(value: u64, roles: Vec<(&'static str, u32, u64)>) -> ShareTerms<&'static str> {
    ShareTerms {
        value,
        lead: "lead",
        partners: vec!["lead", "north", "south"],
        roles: roles
            .into_iter()
            .map(|(partner, effort_days, day_rate)| RoleWork {
                partner,
                effort_days,
                day_rate,
            })
            .collect(),
        lead_premium_bp: 500,
        fund_bp: Some(200),
        unstaffed_days: 0,
    }
}

#[test]
fn unstaffed_work_is_kept_apart_never_handed_to_partners() {
    // The bid: a partner doing 15 hosting days, the lead 10, and a
    // 60-day Rust role nobody fills yet.
    let mut unstaffed = terms(
        pounds(1_000_000),
        vec![("lead", 10, pounds(400)), ("north", 15, pounds(400))],
    );
    unstaffed.unstaffed_days = 60;
    let shares = fair_shares(&unstaffed).unwrap();
    // 930,000.00 after fund and premium; 60 of 85 days' worth apart.
    assert_eq!(shares.unassigned, 65_647_058);
    let north = shares
        .partners
        .iter()
        .find(|s| s.partner == "north")
        .unwrap();
    assert_eq!(north.revenue, 16_411_765, "15 days' worth, not 60 more");
    let total: u64 = shares.partners.iter().map(|s| s.revenue).sum::<u64>()
        + shares.fund.unwrap_or(0)
        + shares.unassigned;
    assert_eq!(total, pounds(1_000_000));
}

#[test]
fn the_value_is_split_exactly_with_premium_and_fund_apart() {
    let shares = fair_shares(&terms(
        pounds(100_000),
        vec![
            ("lead", 20, pounds(400)),
            ("north", 10, pounds(400)),
            ("south", 10, pounds(350)),
        ],
    ))
    .unwrap();
    assert_eq!(shares.fund, Some(pounds(2_000)));
    let revenue: Vec<(&str, u64, u32)> = shares
        .partners
        .iter()
        .map(|s| (s.partner, s.revenue, s.work_share_bp))
        .collect();
    // 93,000.00 in proportion to 8,000 : 4,000 : 3,500 (15,500), plus 5,000.00 to the lead.
    assert_eq!(
        revenue,
        [
            ("lead", pounds(5_000) + pounds(48_000), 5000),
            ("north", pounds(24_000), 2500),
            ("south", pounds(21_000), 2500)
        ]
    );
    let total: u64 = shares.partners.iter().map(|s| s.revenue).sum::<u64>() + pounds(2_000);
    assert_eq!(total, pounds(100_000));
}

#[test]
fn leftover_units_go_to_the_largest_remainders_then_the_first_id() {
    let weights: BTreeMap<&str, u128> = [("a", 1), ("b", 1), ("c", 1)].into();
    let split = largest_remainder(100, &weights);
    assert_eq!(split.values().copied().collect::<Vec<_>>(), [34, 33, 33]);
    let none: BTreeMap<&str, u128> = [("a", 0), ("b", 0)].into();
    assert_eq!(
        largest_remainder(5, &none)
            .values()
            .copied()
            .collect::<Vec<_>>(),
        [3, 2]
    );
    assert_eq!(
        fair_shares(&ShareTerms {
            lead_premium_bp: 9_000,
            fund_bp: Some(1_001),
            ..terms(10, vec![])
        }),
        Err(ShareError::OverAllocated)
    );
    assert_eq!(
        fair_shares(&terms(10, vec![("elsewhere", 1, 1)])),
        Err(ShareError::UnknownPartner)
    );
}

fn partner_names() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set("[a-z]{1,6}", 1..6).prop_map(|set| set.into_iter().collect())
}

fn any_terms() -> impl Strategy<Value = ShareTerms<String>> {
    (
        partner_names(),
        0u64..10_000_000_000,
        0u32..3_000,
        proptest::option::of(0u32..3_000),
    )
        .prop_flat_map(|(partners, value, premium, fund)| {
            let n = partners.len();
            let roles = proptest::collection::vec((0..n, 0u32..400, 0u64..200_000), 0..8);
            (
                Just(partners),
                Just(value),
                Just(premium),
                Just(fund),
                roles,
                0u64..1_000,
            )
        })
        .prop_map(
            |(partners, value, lead_premium_bp, fund_bp, roles, unstaffed_days)| ShareTerms {
                unstaffed_days,
                value,
                lead: partners[0].clone(),
                roles: roles
                    .into_iter()
                    .map(|(i, effort_days, day_rate)| RoleWork {
                        partner: partners[i].clone(),
                        effort_days,
                        day_rate,
                    })
                    .collect(),
                partners,
                lead_premium_bp,
                fund_bp,
            },
        )
}

proptest! {
    #[test]
    fn shares_add_up_exactly_and_never_go_negative(terms in any_terms()) {
        let shares = fair_shares(&terms).unwrap();
        let sum: u64 = shares.partners.iter().map(|s| s.revenue).sum::<u64>()
            + shares.fund.unwrap_or(0)
            + shares.unassigned;
        prop_assert_eq!(sum, terms.value);
        let work: u32 = shares.partners.iter().map(|s| s.work_share_bp).sum();
        let any_effort = terms.roles.iter().any(|r| r.effort_days > 0);
        prop_assert_eq!(work, if any_effort { WHOLE_BP } else { 0 });
        prop_assert_eq!(shares.fund.is_some(), terms.fund_bp.is_some());
    }

    #[test]
    fn the_order_of_partners_and_roles_changes_nothing(terms in any_terms()) {
        let mut shuffled = terms.clone();
        shuffled.partners.reverse();
        shuffled.roles.reverse();
        prop_assert_eq!(fair_shares(&shuffled).unwrap(), fair_shares(&terms).unwrap());
        prop_assert_eq!(fair_shares(&terms).unwrap(), fair_shares(&terms).unwrap());
    }

    #[test]
    fn nobody_gets_more_than_a_unit_off_their_exact_share(terms in any_terms()) {
        let shares = fair_shares(&terms).unwrap();
        let total_cost: u128 = shares.partners.iter().map(|s| s.cost).sum();
        let rest = u128::from(terms.value) - u128::from(shares.fund.unwrap_or(0))
            - u128::from(shares.partners.iter().map(|s| s.lead_premium).sum::<u64>())
            - u128::from(shares.unassigned);
        for share in &shares.partners {
            let earned = u128::from(share.revenue - share.lead_premium);
            let (exact, whole) = if total_cost == 0 {
                (rest, shares.partners.len() as u128)
            } else {
                (rest * share.cost, total_cost)
            };
            prop_assert!(earned * whole <= exact + whole && exact <= earned * whole + whole);
        }
    }
}
