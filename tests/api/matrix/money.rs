//! Bidding and money rows: opportunities, bids (led by home, the involved
//! co-op in its consortium), the network fund, webhooks.

use serde_json::json;

use super::{DELETE, EVERYONE, GET, PATCH, POST, PUT, Row, SIGNED_IN, row};

/// Columns: anonymous, no co-op, uninvolved co-op's admin, involved co-op's
/// admin, member, admin, network admin.
#[rustfmt::skip]
pub fn rows() -> Vec<Row> {
    // A bid is its consortium's business: network admins included, nobody
    // else learns of it; sections are everyone's work, the rest the lead's.
    let consortium = [404, 404, 404, 200, 200, 200, 404];
    let consortium_writes = |status: u16| [401, 404, 404, status, status, status, 404];
    let lead = |status: u16| [401, 404, 404, 403, 403, status, 404];
    // Member co-ops' admins and network admins bring in tenders.
    let tenders = |status: u16| [401, 403, status, status, 403, status, status];
    let steward = |status: u16| [401, 403, 403, 403, 403, 403, status];
    let own_fund = [401, 404, 404, 404, 404, 200, 200];
    // Webhooks hear of bids, so network admins may not manage them.
    let hook_admin = |status: u16| [401, 403, 403, 403, 403, status, 403];
    let package = json!({"uri": "https://example.org/q", "version": "1.1",
        "publishedDate": "2026-12-01T09:00:00Z",
        "releases": [{"ocid": "ocds-b5fd17-m{n}", "id": "ocds-b5fd17-m{n}-1",
            "date": "2026-12-01T09:00:00Z", "tag": ["tender"], "initiationType": "tender",
            "tender": {"id": "m{n}", "title": "Another tender", "status": "active"}}]});
    let open_bid = json!({"opportunity_id": "{opportunity}", "lead_coop": "{home}",
                          "title": "{marker} bid {n}"});
    let invoice = json!({"coop": "{home}", "number": "N-{n}", "amount": 10000,
                         "issued_on": "2026-12-01", "due_on": "2026-12-31"});
    let spending = json!({"spent_on": "2026-12-01", "amount": 100, "purpose": "Hosting"});
    let hook = json!({"url": "https://example.org/hook", "events": ["bid.invited"]});
    vec![
        row(GET, "/api/v1/opportunities", None, EVERYONE),
        row(POST, "/api/v1/opportunities", Some(json!({"title": "A call {n}"})), tenders(201)),
        row(POST, "/api/v1/opportunities/import", Some(package), tenders(200)),
        row(GET, "/api/v1/opportunities/{opportunity}", None, EVERYONE),
        row(GET, "/api/v1/coops/{home}/opportunities", None, EVERYONE),
        row(GET, "/api/v1/bids", None, SIGNED_IN),
        row(POST, "/api/v1/bids", Some(open_bid), [401, 403, 403, 403, 403, 201, 403]),
        row(GET, "/api/v1/bids/{bid}", None, consortium),
        row(GET, "/api/v1/bids/{bid}/gaps", None, consortium),
        row(GET, "/api/v1/bids/{bid}/history", None, consortium),
        row(POST, "/api/v1/bids/{bid}/documents",
            Some(json!({"title": "{marker} draft {n}", "url": "https://pad.example.coop/{n}"})),
            consortium_writes(201)),
        row(GET, "/api/v1/bids/{bid}/partners.csv", None, consortium),
        // The consortium talks among itself; an invited co-op's admins read
        // and write only what is between them and the bid's managers.
        row(GET, "/api/v1/bids/{bid}/messages", None, consortium_writes(200)),
        row(GET, "/api/v1/bids/{bid_invited}/messages", None, consortium_writes(200)),
        row(POST, "/api/v1/bids/{bid}/messages", Some(json!({"text": "{marker} plan {n}"})),
            consortium_writes(201)),
        row(GET, "/api/v1/bids/{bid}/ocds", None, consortium),
        row(GET, "/api/v1/bids/{bid}/shares", None, consortium),
        row(GET, "/api/v1/bids/{bid}/roles/{role}/suggestions", None, consortium),
        row(POST, "/api/v1/bids/{bid}/roles", Some(json!({"title": "More", "effort_days": 1})), lead(201)),
        row(POST, "/api/v1/bids/{bid}/sections", Some(json!({"title": "More"})), consortium_writes(201)),
        row(PUT, "/api/v1/bids/{bid}/sections/{section}",
            Some(json!({"title": "Approach", "status": "drafting"})), consortium_writes(200)),
        row(PUT, "/api/v1/bids/{bid}/terms", Some(json!({"title": "Renamed"})), lead(200)),
        row(POST, "/api/v1/bids/{bid}/invitations", Some(json!({"coop": "{coop}"})), lead(201)),
        // Only the invited co-op's own admins answer for it.
        row(POST, "/api/v1/bids/{bid_invited}/invitations/{party}/answer",
            Some(json!({"accept": true})), [401, 404, 404, 200, 403, 403, 404]),
        row(POST, "/api/v1/bids/{bid}/decision", Some(json!({"go": true})), lead(200)),
        row(POST, "/api/v1/bids/{bid_go}/submit", Some(json!({"confirm": true})), lead(200)),
        row(POST, "/api/v1/bids/{bid_submitted}/win", None, lead(200)),
        row(POST, "/api/v1/bids/{bid_submitted}/lose", None, lead(200)),
        row(POST, "/api/v1/bids/{bid_won}/case-study", Some(json!({})), lead(201)),
        row(POST, "/api/v1/bids/{bid}/withdraw", None, lead(200)),
        row(GET, "/api/v1/fund/years", None, EVERYONE),
        row(POST, "/api/v1/fund/years", Some(json!({"year": "{next_year}", "purpose": "Hosting"})),
            steward(201)),
        row(GET, "/api/v1/fund/years/{year}", None, EVERYONE),
        row(PUT, "/api/v1/fund/years/{year}", Some(json!({"year": "{year}", "purpose": "Hosting and travel"})),
            steward(200)),
        // The stewards' list of every co-op's answer is theirs alone.
        row(GET, "/api/v1/fund/years/{year}/pledges", None, steward(200)),
        // A co-op's admins (or a steward) answer for it.
        row(POST, "/api/v1/fund/years/{year}/pledges",
            Some(json!({"coop": "{party}", "amount": {"amount": 20000, "currency": "GBP"}})),
            [401, 403, 403, 200, 403, 403, 200]),
        // Totals and spending: to the network.
        row(GET, "/api/v1/fund/years/{year}/spending", None, [401, 404, 200, 200, 200, 200, 200]),
        row(POST, "/api/v1/fund/years/{year}/spending", Some(spending), steward(201)),
        row(POST, "/api/v1/fund/years/{year}/invoices", Some(invoice), steward(201)),
        row(GET, "/api/v1/fund/invoices/{invoice}", None, own_fund),
        row(GET, "/api/v1/fund/invoices/{invoice}/document", None, own_fund),
        row(POST, "/api/v1/fund/invoices/{invoice}/payments",
            Some(json!({"amount": 100, "paid_on": "2026-12-01"})), steward(201)),
        row(PUT, "/api/v1/fund/federation/{home}", Some(json!({"member": true})), steward(200)),
        row(GET, "/api/v1/coops/{home}/fund", None, [401, 403, 403, 403, 403, 200, 200]),
        row(GET, "/api/v1/coops/{home}/webhooks", None, hook_admin(200)),
        row(POST, "/api/v1/coops/{home}/webhooks", Some(hook), hook_admin(201)),
        row(GET, "/api/v1/coops/{home}/webhooks/{webhook}", None, hook_admin(200)),
        row(PATCH, "/api/v1/coops/{home}/webhooks/{webhook}", Some(json!({"description": "Renamed"})),
            hook_admin(200)),
        row(GET, "/api/v1/coops/{home}/webhooks/{hooked}/deliveries", None, hook_admin(200)),
        row(POST, "/api/v1/coops/{home}/webhooks/{hooked}/deliveries/{delivery}/redeliver", None,
            hook_admin(202)),
        row(POST, "/api/v1/coops/{home}/webhooks/{webhook}/rotate-secret", None, hook_admin(200)),
        row(DELETE, "/api/v1/coops/{home}/webhooks/{webhook}", None, hook_admin(204)),
    ]
}
