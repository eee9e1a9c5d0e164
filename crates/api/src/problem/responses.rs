//! The problem responses many operations share, for their OpenAPI
//! annotations: an operation names these sets (`responses(..., TokenRequired,
//! JsonBody)`) and spells out only what is particular to it (who may, what
//! is not found, what conflicts).

use std::collections::BTreeMap;

use utoipa::IntoResponses;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::{Ref, RefOr};

use super::PROBLEM_JSON;

/// Problem documents with these statuses and descriptions.
fn problems(list: &[(u16, &str)]) -> BTreeMap<String, RefOr<Response>> {
    list.iter()
        .map(|(status, description)| {
            let content = ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build();
            let response = ResponseBuilder::new()
                .description(*description)
                .content(PROBLEM_JSON, content)
                .build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// Declares response sets: each a unit struct whose [`IntoResponses`] is
/// problem documents with these statuses and descriptions.
macro_rules! problem_sets {
    ($($(#[$doc:meta])* $name:ident: [$(($status:literal, $description:literal $(,)?)),+ $(,)?];)+) => {
        $(
            $(#[$doc])*
            #[derive(Debug)]
            pub struct $name;

            impl IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    problems(&[$(($status, $description)),+])
                }
            }
        )+
    };
}

problem_sets! {
    /// Operations that need a bearer token.
    TokenRequired: [(
        401,
        "Not signed in: the token is missing, invalid, expired or revoked (`unauthenticated`)",
    )];
    /// Operations that read a JSON body.
    JsonBody: [
        (400, "The body is not well-formed JSON (`malformed_json`)"),
        (413, "The body is larger than the configured limit (`payload_too_large`)"),
        (415, "The body is not JSON (`unsupported_media_type`)"),
        (422, "Invalid fields, each at its JSON Pointer in `errors` (`validation_failed`, `invalid_body`)"),
    ];
    /// Operations that honour `If-Match`.
    Versioned: [(
        412,
        "Changed since read: `If-Match` names another version; the current one is in `ETag` and `current_etag` (`precondition_failed`)",
    )];
    /// Operations with query parameters.
    QueryString: [(
        400,
        "A query parameter is invalid or unknown, named in `errors` (`invalid_parameter`)",
    )];
    /// Operations on a co-op's webhooks: for its admins only.
    WebhookAdmin: [
        (403, "Not an admin of the co-op; network admins are not either (`forbidden`)"),
        (404, "No such co-op, or no such webhook of it (`not_found`)"),
    ];
    /// Operations on a co-op by its admins.
    CoopAdmin: [
        (403, "Not an admin of this co-op"),
        (404, "No such co-op"),
    ];
    /// Operations on a co-op's calendar feeds: for its users.
    CoopUser: [
        (403, "Not a user of this co-op"),
        (404, "No such co-op"),
    ];
    /// Operations that name a co-op.
    NoSuchCoop: [(404, "No such co-op")];
    /// Operations that give a co-op a slug.
    SlugTaken: [(409, "The slug is taken (`slug_taken`)")];
    /// Operations that name a person.
    NoSuchPerson: [(404, "No such person")];
    /// Changes to a person.
    PersonEditor: [
        (403, "Not allowed to edit this person"),
        (404, "No such person"),
    ];
    /// Changes to a case study, by the co-op that published it.
    CaseStudyPublisher: [
        (403, "Not an admin of the co-op that published it"),
        (404, "No such case study"),
    ];
    /// Operations that name a case study.
    NoSuchCaseStudy: [(404, "No such case study")];
    /// The stewards' operations.
    Steward: [(403, "Not a steward (network admin)")];
    /// Operations on an open year of the fund.
    NoSuchYear: [(404, "The year is not open")];
    /// Operations on an invoice.
    NoSuchInvoice: [(404, "No such invoice of the caller's co-ops")];
    /// Operations on a bid.
    NoSuchBid: [(404, "No such bid (or not the caller's)")];
    /// Operations for the bid's lead.
    BidLead: [
        (403, "Not the lead co-op's admin or the coordinator"),
        (404, "No such bid (or not the caller's)"),
    ];
    /// Operations for the bid's consortium.
    BidConsortium: [
        (403, "Invited, not (yet) in the consortium"),
        (404, "No such bid (or not the caller's)"),
    ];
    /// Changes to a bid that must still be open.
    BidOpen: [(409, "The bid is closed (`bid_state`)")];
    /// Operations that add tenders.
    TenderAdder: [(403, "Not a network admin or an admin of a member co-op")];
    /// Reading an offer.
    HiddenOffer: [(404, "No such offer (or not visible to the caller)")];
    /// Changes to an offer, by the offering co-op.
    OfferAdmin: [
        (403, "Not an admin of the offering co-op"),
        (404, "No such offer"),
    ];
    /// Reading a request.
    HiddenRequest: [(404, "No such request (or not visible to the caller)")];
    /// Changes to a request, by the asking co-op.
    RequestAdmin: [
        (403, "Not an admin of the asking co-op"),
        (404, "No such request"),
    ];
    /// Reading a placement.
    HiddenPlacement: [(404, "No such placement (or not visible to the caller)")];
    /// The conversation of a placement, for its parties.
    PlacementParty: [
        (403, "A network admin: the placement's parties talk among themselves"),
        (404, "No such placement (or not visible to the caller)"),
    ];
    /// Operations on a rotation request.
    NoSuchRotation: [(404, "No such rotation request (or not the caller's)")];
    /// Operations on a swap.
    NoSuchSwap: [(404, "No such swap (or not the caller's)")];
    /// Operations on a social-good proposal.
    NoSuchProposal: [(404, "No such social-good proposal (or not the caller's)")];
    /// Calendar feeds, opened by a token or by their key.
    CalendarKey: [
        (401, "Neither a token nor a key"),
        (404, "No such calendar for the caller (or the key is revoked)"),
    ];
}
