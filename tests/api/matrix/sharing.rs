//! Sharing people's rows: offers, requests, placements (home offers Mia,
//! the involved co-op asks), rotations and swaps (Mia, home's member, and
//! Pat, the involved co-op's admin), calendars.

use serde_json::json;

use super::{DELETE, EVERYONE, GET, POST, PUT, Row, SIGNED_IN, row};

/// Columns: anonymous, no co-op, uninvolved co-op's admin, involved co-op's
/// admin, member, admin, network admin.
#[rustfmt::skip]
pub fn rows() -> Vec<Row> {
    // Listings: the co-op's admins, and network admins moderating.
    let moderated = |status: u16| [401, 403, 403, 403, 403, status, status];
    // A placement: its two co-ops and network admins see it; each side
    // makes its own moves, network admins none.
    let placement_seen = [404, 404, 404, 200, 200, 200, 200];
    let offering_side = [401, 404, 404, 403, 403, 200, 403];
    let either_side = [401, 404, 404, 200, 403, 200, 403];
    // The co-op's calendar: any of its users.
    let users = |status: u16| [401, 403, 403, 403, status, status, 403];
    let calendar = [401, 404, 404, 404, 200, 200, 404];
    // A rotation: Mia and her co-op's admins; nobody else learns of it.
    let rotation_seen = [404, 404, 404, 404, 200, 200, 404];
    let on_rotation = |status: u16| [401, 404, 404, 404, status, status, 404];
    let swap_parties = |status: u16| [status, 404, 404, 200, 200, 200, 404];
    let offer = json!({"coop": "{home}", "title": "Rust developer",
                       "days_per_week": 2, "start": "2027-01-04", "end": "2027-03-28",
                       "work_mode": "remote"});
    let request = json!({"coop": "{home}", "title": "Audit", "days_per_week": 1,
                         "start": "2027-01-04", "end": "2027-01-29"});
    let ask = json!({"requesting_coop": "{party}", "days_per_week": 1,
                     "start": "2027-02-01", "end": "2027-02-26"});
    let reason = json!({"reason": "Plans changed"});
    let rotate = json!({"person_id": "{person}", "days_per_week": 1,
                        "start": "2027-05-03", "end": "2027-05-28"});
    vec![
        row(GET, "/api/v1/offers", None, EVERYONE),
        row(POST, "/api/v1/offers", Some(offer.clone()), moderated(201)),
        row(GET, "/api/v1/offers/{offer}", None, EVERYONE),
        row(PUT, "/api/v1/offers/{offer}", Some(offer), moderated(200)),
        row(GET, "/api/v1/offers/{offer}/matches", None, EVERYONE),
        row(GET, "/api/v1/offers/{offer}/murmurations", None, EVERYONE),
        row(POST, "/api/v1/offers/{offer}/reconfirm", None, moderated(200)),
        // Asked for the involved co-op: by its own admins only.
        row(POST, "/api/v1/offers/{offer}/placements", Some(ask), [401, 403, 403, 201, 403, 403, 403]),
        row(DELETE, "/api/v1/offers/{offer}", None, moderated(204)),
        row(GET, "/api/v1/requests", None, EVERYONE),
        row(POST, "/api/v1/requests", Some(request.clone()), moderated(201)),
        row(GET, "/api/v1/requests/{request}", None, EVERYONE),
        row(PUT, "/api/v1/requests/{request}", Some(request), moderated(200)),
        row(GET, "/api/v1/requests/{request}/matches", None, EVERYONE),
        row(GET, "/api/v1/requests/{request}/murmurations", None, EVERYONE),
        row(DELETE, "/api/v1/requests/{request}", None, moderated(204)),
        row(GET, "/api/v1/placements", None, SIGNED_IN),
        row(GET, "/api/v1/placements/{placement_asked}", None, placement_seen),
        row(GET, "/api/v1/placements/{placement_asked}/history", None, placement_seen),
        // Its parties talk among themselves: network admins see the
        // placement, not what they say.
        row(GET, "/api/v1/placements/{placement_asked}/messages", None, [401, 404, 404, 200, 200, 200, 403]),
        row(POST, "/api/v1/placements/{placement_asked}/messages",
            Some(json!({"text": "{marker} can start Monday {n}"})), [401, 404, 404, 201, 201, 201, 403]),
        row(POST, "/api/v1/placements/{placement_asked}/accept", None, offering_side),
        row(POST, "/api/v1/placements/{placement_asked}/decline", Some(reason.clone()), offering_side),
        row(POST, "/api/v1/placements/{placement_asked}/cancel", Some(reason), either_side),
        row(POST, "/api/v1/placements/{placement_accepted}/start", None, either_side),
        row(POST, "/api/v1/placements/{placement_started}/complete", None, either_side),
        row(GET, "/api/v1/coops/{home}/placements.ics", None, calendar),
        row(GET, "/api/v1/people/{person}/placements.ics", None, calendar),
        row(GET, "/api/v1/coops/{home}/calendar-feeds", None, users(200)),
        row(POST, "/api/v1/coops/{home}/calendar-feeds", Some(json!({})), users(201)),
        row(DELETE, "/api/v1/coops/{home}/calendar-feeds/{new_feed}", None, users(204)),
        row(GET, "/api/v1/rotations", None, SIGNED_IN),
        // Only the person asks to rotate, not even their admins for them.
        row(POST, "/api/v1/rotations", Some(rotate), [401, 404, 404, 404, 201, 403, 404]),
        row(GET, "/api/v1/rotations/{rotation}", None, rotation_seen),
        row(GET, "/api/v1/rotations/{rotation}/swaps", None, rotation_seen),
        row(POST, "/api/v1/rotations/{rotation}/swaps",
            Some(json!({"with_rotation_id": "{new_party_rotation}"})), on_rotation(201)),
        row(POST, "/api/v1/rotations/{rotation}/withdraw", None, on_rotation(200)),
        // Onto social-good work: Mia's rotation request proposed for the
        // involved co-op's request; its three parties are Mia, her co-op's
        // admins and the involved co-op's admins.
        row(GET, "/api/v1/rotations/{rotation}/social-good", None, rotation_seen),
        row(POST, "/api/v1/rotations/{rotation}/social-good",
            Some(json!({"request_id": "{social_good_request}"})), on_rotation(201)),
        row(GET, "/api/v1/social-good-proposals/{proposal}", None, [404, 404, 404, 200, 200, 200, 404]),
        row(POST, "/api/v1/social-good-proposals/{proposal}/answer",
            Some(json!({"agree": false})), [401, 404, 404, 200, 200, 200, 404]),
        // A swap's four parties: the two people and their co-ops' admins.
        row(GET, "/api/v1/swaps/{swap}", None, swap_parties(404)),
        row(POST, "/api/v1/swaps/{swap}/answer", Some(json!({"agree": true})), swap_parties(401)),
    ]
}
