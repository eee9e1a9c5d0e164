//! Every viewer × every action of today's routes, on an approved co-op and on
//! one that is not (yet) a member.

use super::*;
use crate::consent::Consent;

const THIS: Uuid = Uuid::from_u128(1);
const OTHER: Uuid = Uuid::from_u128(2);
const SELF_ACCOUNT: Uuid = Uuid::from_u128(10);

/// The kinds of viewer the routes tell apart.
#[derive(Debug, Clone, Copy)]
enum Who {
    Anonymous,
    Outsider,
    /// Linked to the person under test, with no role anywhere.
    LinkedAccount,
    MemberElsewhere,
    AdminElsewhere,
    MemberHere,
    AdminHere,
    NetworkAdmin,
}

fn viewer(who: Who, here_approved: bool) -> Viewer {
    let user = |id: Uuid, network_admin| User {
        id,
        email: "someone@example.coop".into(),
        name: "Someone".into(),
        network_admin,
        token_version: 0,
        created_at: chrono::Utc::now(),
    };
    let held = |coop, role, coop_approved| HeldRole {
        coop,
        role,
        coop_approved,
    };
    let (account, roles) = match who {
        Who::Anonymous => return Viewer::default(),
        Who::Outsider => (user(Uuid::from_u128(11), false), vec![]),
        Who::LinkedAccount => (user(SELF_ACCOUNT, false), vec![]),
        Who::MemberElsewhere => (
            user(Uuid::from_u128(12), false),
            vec![held(OTHER, CoopRole::Member, true)],
        ),
        Who::AdminElsewhere => (
            user(Uuid::from_u128(13), false),
            vec![held(OTHER, CoopRole::Admin, true)],
        ),
        Who::MemberHere => (
            user(Uuid::from_u128(14), false),
            vec![held(THIS, CoopRole::Member, here_approved)],
        ),
        Who::AdminHere => (
            user(Uuid::from_u128(15), false),
            vec![held(THIS, CoopRole::Admin, here_approved)],
        ),
        Who::NetworkAdmin => (user(Uuid::from_u128(16), true), vec![]),
    };
    Viewer {
        user: Some(account),
        roles,
    }
}

fn coop(approved: bool) -> CoopFacts {
    CoopFacts {
        id: THIS,
        status: if approved {
            MembershipStatus::Approved
        } else {
            MembershipStatus::Applied
        },
    }
}

fn person(approved: bool, public: bool) -> PersonFacts {
    PersonFacts {
        coop: coop(approved),
        public,
        account: Some(SELF_ACCOUNT),
    }
}

fn show(outcome: Result<(), Denied>) -> &'static str {
    match outcome {
        Ok(()) => "ok",
        Err(Denied::NotSignedIn) => "401",
        Err(Denied::Hidden) => "404",
        Err(Denied::Forbidden(_)) => "403",
    }
}

/// The actions, each on the co-op (or its network-only person) under test.
fn decide(action: &str, viewer: &Viewer, approved: bool) -> &'static str {
    let network_only_person = person(approved, false);
    match action {
        "read_coop" => show(read_coop(viewer, coop(approved))),
        "administer_coop" => show(administer_coop(viewer, coop(approved))),
        "administer_own_coop" => show(administer_own_coop(viewer, coop(approved))),
        "decide_membership" => show(decide_membership(viewer, coop(approved))),
        "administer_network" => show(administer_network(viewer)),
        "read_public_person" => show(read_person(viewer, person(approved, true))),
        "read_network_person" => show(read_person(viewer, network_only_person)),
        "edit_person" => show(edit_person(viewer, network_only_person)),
        "administer_person" => show(administer_person(viewer, network_only_person)),
        "create_case_study" => show(create_case_study(viewer, &[THIS])),
        "edit_case_study" => show(edit_case_study(viewer, Some(THIS))),
        "read_case_study" => show(read_case_study(viewer, Some(coop(approved)))),
        "decide_consent" => show(decide_consent(viewer, THIS)),
        // A study owned by another co-op, naming this one.
        "see_pending_here" => visible(see_named_coop(
            viewer,
            coop(approved),
            Consent::Pending,
            Some(OTHER),
        )),
        "see_confirmed_here" => visible(see_named_coop(
            viewer,
            coop(approved),
            Consent::Confirmed,
            Some(OTHER),
        )),
        "network_fields" => visible(see_network_only_fields(viewer, THIS)),
        "private_fields" => visible(see_private_fields(viewer, network_only_person)),
        other => panic!("unknown action {other}"),
    }
}

fn visible(shown: bool) -> &'static str {
    if shown { "ok" } else { "hidden" }
}

const WHO: [Who; 8] = [
    Who::Anonymous,
    Who::Outsider,
    Who::LinkedAccount,
    Who::MemberElsewhere,
    Who::AdminElsewhere,
    Who::MemberHere,
    Who::AdminHere,
    Who::NetworkAdmin,
];

/// Rows: action; columns: the viewers in the order of [`WHO`].
fn check(approved: bool, table: &[(&str, [&str; 8])]) {
    for (action, expected) in table {
        for (who, want) in WHO.iter().zip(expected) {
            let got = decide(action, &viewer(*who, approved), approved);
            assert_eq!(
                got, *want,
                "{action} by {who:?} on a co-op approved={approved}"
            );
        }
    }
}

#[test]
fn on_an_approved_coop() {
    // anon, outsider, linked, member elsewhere, admin elsewhere, member here, admin here, network admin
    check(
        true,
        &[
            (
                "read_coop",
                ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "administer_coop",
                ["401", "403", "403", "403", "403", "403", "ok", "ok"],
            ),
            (
                "administer_own_coop",
                ["401", "403", "403", "403", "403", "403", "ok", "403"],
            ),
            (
                "decide_membership",
                ["401", "403", "403", "403", "403", "403", "403", "ok"],
            ),
            (
                "administer_network",
                ["401", "403", "403", "403", "403", "403", "403", "ok"],
            ),
            (
                "read_public_person",
                ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "read_network_person",
                ["404", "404", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "edit_person",
                ["401", "404", "ok", "403", "403", "403", "ok", "ok"],
            ),
            (
                "administer_person",
                ["401", "404", "403", "403", "403", "403", "ok", "ok"],
            ),
            (
                "edit_case_study",
                ["401", "403", "403", "403", "403", "403", "ok", "ok"],
            ),
            (
                "read_case_study",
                ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "network_fields",
                ["hidden", "hidden", "hidden", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "private_fields",
                ["hidden", "hidden", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
        ],
    );
}

#[test]
fn on_a_coop_that_is_not_a_member() {
    // Its own users see it (their roles there do not make them network members).
    check(
        false,
        &[
            (
                "read_coop",
                ["404", "404", "404", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "administer_coop",
                ["401", "404", "404", "403", "403", "403", "ok", "ok"],
            ),
            (
                "administer_own_coop",
                ["401", "404", "404", "403", "403", "403", "ok", "403"],
            ),
            (
                "decide_membership",
                ["401", "404", "404", "403", "403", "403", "403", "ok"],
            ),
            (
                "read_case_study",
                ["404", "404", "404", "ok", "ok", "ok", "ok", "ok"],
            ),
            // The linked account sees (and edits) its own profile wherever it is.
            (
                "read_public_person",
                ["404", "404", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "read_network_person",
                ["404", "404", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "edit_person",
                ["401", "404", "ok", "403", "403", "403", "ok", "ok"],
            ),
            (
                "administer_person",
                ["401", "404", "403", "403", "403", "403", "ok", "ok"],
            ),
            (
                "network_fields",
                ["hidden", "hidden", "hidden", "ok", "ok", "ok", "ok", "ok"],
            ),
            (
                "private_fields",
                ["hidden", "hidden", "ok", "ok", "ok", "ok", "ok", "ok"],
            ),
        ],
    );
}

#[test]
fn roles_in_unapproved_coops_do_not_make_network_members() {
    let member_of_applicant = viewer(Who::AdminHere, false);
    assert!(!member_of_applicant.is_network_member());
    assert!(!member_of_applicant.sees_network_only());
    assert!(viewer(Who::MemberElsewhere, true).is_network_member());
}

#[test]
fn the_last_admin_cannot_step_down() {
    use CoopRole::{Admin, Member};
    assert_eq!(change_role(Some(Admin), Member, 1), Err(LastAdmin));
    assert_eq!(change_role(Some(Admin), Member, 2), Ok(()));
    assert_eq!(change_role(Some(Admin), Admin, 1), Ok(()));
    assert_eq!(change_role(Some(Member), Member, 1), Ok(()));
    assert_eq!(change_role(None, Member, 0), Ok(()));
}
