//! Every problem `code` coophub answers with, its HTTP status and its title,
//! defined once (in the manner of Meilisearch's error codes). Clients branch
//! on the code; the OpenAPI document lists them as the enum of `Problem.code`.

use actix_web::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $status:ident, $title:literal;)*) => {
        /// A stable machine-readable problem code.
        ///
        /// Serialised in snake case (a test checks it equals [`Code::as_str`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, for documentation and tests.
            pub const ALL: &[Code] = &[$(Self::$variant),*];

            /// The code as sent, e.g. `slug_taken`.
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }

            /// The HTTP status every problem with this code has.
            pub fn status(self) -> StatusCode {
                match self { $(Self::$variant => StatusCode::$status,)* }
            }

            /// The short summary, the same for every occurrence.
            pub const fn title(self) -> &'static str {
                match self { $(Self::$variant => $title,)* }
            }
        }
    };
}

codes! {
    /// The request could not be read (raised by the HTTP layer).
    BadRequest = "bad_request", BAD_REQUEST, "Bad request";
    /// The body is not well-formed JSON.
    MalformedJson = "malformed_json", BAD_REQUEST, "Malformed JSON";
    /// A query parameter could not be read or is not known.
    InvalidParameter = "invalid_parameter", BAD_REQUEST, "Invalid query parameter";
    /// No valid credentials.
    Unauthenticated = "unauthenticated", UNAUTHORIZED, "Authentication required";
    /// Wrong email or password.
    InvalidCredentials = "invalid_credentials", UNAUTHORIZED, "Invalid credentials";
    /// Signed in, but not allowed to do this.
    Forbidden = "forbidden", FORBIDDEN, "Forbidden";
    /// No such resource or route (or not visible to the caller).
    NotFound = "not_found", NOT_FOUND, "Not found";
    /// The route exists, not for this method.
    MethodNotAllowed = "method_not_allowed", METHOD_NOT_ALLOWED, "Method not allowed";
    /// The request took too long to arrive.
    RequestTimeout = "request_timeout", REQUEST_TIMEOUT, "Request timeout";
    /// A uniqueness rule was broken.
    Conflict = "conflict", CONFLICT, "Conflict";
    /// An account with this email exists.
    EmailTaken = "email_taken", CONFLICT, "Email taken";
    /// Another record of this kind has the slug.
    SlugTaken = "slug_taken", CONFLICT, "Slug taken";
    /// The membership decision does not apply to the current status.
    InvalidTransition = "invalid_transition", CONFLICT, "Invalid membership transition";
    /// The change would leave a co-op without an admin.
    LastAdmin = "last_admin", CONFLICT, "Last admin";
    /// The time asked for does not fit what is free.
    OverCapacity = "over_capacity", CONFLICT, "Not enough free time";
    /// The placement's state does not allow this.
    PlacementState = "placement_state", CONFLICT, "Not allowed in the placement's state";
    /// The offer is paused, closed or lapsed.
    OfferNotOpen = "offer_not_open", CONFLICT, "Offer not open";
    /// The co-op is not among those a fund year invites.
    NotInvited = "not_invited", CONFLICT, "Not invited to this fund year";
    /// The co-op's pledge is invoiced: the stewards change it.
    PledgeInvoiced = "pledge_invoiced", CONFLICT, "Pledge invoiced";
    /// Only a pledge (not a decline, nor no answer) is invoiced.
    NotPledged = "not_pledged", CONFLICT, "Nothing pledged";
    /// The payment would take what was received past the invoice's amount.
    Overpaid = "overpaid", CONFLICT, "More than the invoice asks for";
    /// The invoice would take what is invoiced past the pledge.
    OverPledge = "over_pledge", CONFLICT, "More than was pledged";
    /// Amounts of money add up to more than can be counted.
    SumTooLarge = "sum_too_large", CONFLICT, "Sum too large to count";
    /// Other co-ops or the fund hold records of the co-op, so it stays.
    CoopHasRecords = "coop_has_records", CONFLICT, "Others rely on the co-op's records";
    /// The offer has placements, so it is closed rather than deleted.
    OfferHasPlacements = "offer_has_placements", CONFLICT, "Offer has placements";
    /// The swap is agreed, refused or lapsed.
    SwapClosed = "swap_closed", CONFLICT, "Swap closed";
    /// The rotation request was withdrawn, or has swapped or been placed already.
    RotationClosed = "rotation_closed", CONFLICT, "Rotation request closed";
    /// The social-good proposal is agreed, refused or lapsed.
    ProposalClosed = "proposal_closed", CONFLICT, "Proposal closed";
    /// The request is filled or closed.
    RequestClosed = "request_closed", CONFLICT, "Request closed";
    /// The bid's state does not allow this.
    BidState = "bid_state", CONFLICT, "Not allowed in the bid's state";
    /// The tender's deadline has passed.
    PastDeadline = "past_deadline", CONFLICT, "Past the deadline";
    /// The opportunity no longer takes bids.
    OpportunityClosed = "opportunity_closed", CONFLICT, "Opportunity closed";
    /// The invitation was answered already, or never made.
    InvitationClosed = "invitation_closed", CONFLICT, "No open invitation";
    /// There is no availability to reconfirm.
    NoAvailability = "no_availability", CONFLICT, "No availability stated";
    /// The webhook is disabled: enable it before redelivering.
    WebhookDisabled = "webhook_disabled", CONFLICT, "Webhook disabled";
    /// The co-op has admins: ask them, not the stewards.
    CoopHasAdmins = "coop_has_admins", CONFLICT, "The co-op has admins";
    /// The claim was approved or refused already.
    ClaimDecided = "claim_decided", CONFLICT, "Claim decided";
    /// Nobody administers the co-op yet: it can be claimed.
    CoopUnclaimed = "coop_unclaimed", CONFLICT, "Nobody administers the co-op yet";
    /// The bid is not ready and the submission did not confirm.
    NotReady = "not_ready", CONFLICT, "The bid is not ready";
    /// A body length is required.
    LengthRequired = "length_required", LENGTH_REQUIRED, "Length required";
    /// `If-Match` does not name the current version.
    PreconditionFailed = "precondition_failed", PRECONDITION_FAILED, "Precondition failed";
    /// The body is larger than the limit.
    PayloadTooLarge = "payload_too_large", PAYLOAD_TOO_LARGE, "Payload too large";
    /// The URL is longer than the server reads.
    UriTooLong = "uri_too_long", URI_TOO_LONG, "URI too long";
    /// The body is not of a media type this endpoint reads.
    UnsupportedMediaType = "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "Unsupported media type";
    /// Well-formed input that breaks a rule.
    ValidationFailed = "validation_failed", UNPROCESSABLE_ENTITY, "Validation failed";
    /// Well-formed JSON of the wrong shape.
    InvalidBody = "invalid_body", UNPROCESSABLE_ENTITY, "Invalid request body";
    /// Too many attempts.
    RateLimited = "rate_limited", TOO_MANY_REQUESTS, "Too many requests";
    /// The request head is too large.
    HeadersTooLarge = "headers_too_large", REQUEST_HEADER_FIELDS_TOO_LARGE, "Request header fields too large";
    /// A bug or an unexpected failure.
    InternalError = "internal_error", INTERNAL_SERVER_ERROR, "Internal server error";
    /// The database cannot be reached, or is busy.
    ServiceUnavailable = "service_unavailable", SERVICE_UNAVAILABLE, "Service unavailable";
}

impl Code {
    /// The code for a status raised outside our handlers (by the HTTP layer).
    pub fn for_status(status: StatusCode) -> Self {
        match status.as_u16() {
            401 => Self::Unauthenticated,
            403 => Self::Forbidden,
            404 => Self::NotFound,
            405 => Self::MethodNotAllowed,
            408 => Self::RequestTimeout,
            411 => Self::LengthRequired,
            413 => Self::PayloadTooLarge,
            414 => Self::UriTooLong,
            415 => Self::UnsupportedMediaType,
            431 => Self::HeadersTooLarge,
            503 => Self::ServiceUnavailable,
            s if s >= 500 => Self::InternalError,
            _ => Self::BadRequest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_serialises_as_itself_and_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::json!(code.as_str())
            );
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            assert!(!code.title().is_empty());
        }
    }

    #[test]
    fn statuses_from_the_http_layer_have_codes_of_that_status() {
        for status in [400, 401, 404, 405, 408, 411, 413, 415, 431, 500, 503] {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(Code::for_status(status).status(), status);
        }
    }
}
