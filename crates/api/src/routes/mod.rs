//! Route registration: one file per handler, grouped by resource. Handlers are
//! thin: parse, authorise, call the domain and store, map errors.

pub mod auth;
pub mod bidding;
pub mod case_studies;
pub mod coops;
pub mod fallback;
pub mod me;
pub mod ops;
pub mod pagination;
pub mod people;
pub mod search;
pub mod sharing;
pub mod skills;
pub mod stats;
pub mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the versioned JSON API (mounted under `/api/v1`).
pub fn api(cfg: &mut ServiceConfig<'_>) {
    cfg.service(auth::register::register)
        .service(auth::login::login)
        .service(me::show::show_me)
        .service(me::change_password::change_password)
        .service(me::notifications::list_notifications)
        .service(me::alerts::list_alerts)
        .service(me::alerts::create_alert)
        .service(me::alerts::delete_alert)
        .service(me::deadlines::deadline_calendar)
        .service(me::deadlines::create_deadline_feed)
        .service(me::deadlines::revoke_deadline_feed)
        .service(me::email::show_email)
        .service(me::email::set_email)
        .service(me::email::unsubscribe_page)
        .service(me::email::unsubscribe)
        .service(me::notifications::read_all_notifications)
        .service(me::notifications::read_notification)
        .service(coops::list::list_coops)
        .service(coops::create::create_coop)
        .service(coops::show::show_coop)
        .service(coops::update::update_coop)
        .service(coops::patch::patch_coop)
        .service(coops::delete::delete_coop)
        .service(coops::membership::change_membership)
        .service(coops::users::add_coop_user)
        .service(coops::murmurations::murmurations_profile)
        .service(webhooks::create::create_webhook)
        .service(webhooks::manage::list_webhooks)
        .service(webhooks::manage::show_webhook)
        .service(webhooks::manage::change_webhook)
        .service(webhooks::manage::delete_webhook)
        .service(webhooks::manage::rotate_webhook_secret)
        .service(webhooks::deliveries::list_deliveries)
        .service(webhooks::deliveries::redeliver)
        .service(people::list::list_people)
        .service(people::create::create_person)
        .service(people::show::show_person)
        .service(people::update::update_person)
        .service(people::patch::patch_person)
        .service(people::delete::delete_person)
        .service(people::reconfirm::reconfirm_availability)
        .service(skills::list::list_skills)
        .service(skills::show::show_skill)
        .service(skills::merge::merge_skill)
        .service(case_studies::list::list_case_studies)
        .service(case_studies::create::create_case_study)
        .service(case_studies::show::show_case_study)
        .service(case_studies::update::update_case_study)
        .service(case_studies::patch::patch_case_study)
        .service(case_studies::consent::answer_case_study)
        .service(case_studies::delete::delete_case_study)
        .service(sharing::offers::list::list_offers)
        .service(sharing::offers::create::create_offer)
        .service(sharing::offers::show::show_offer)
        .service(sharing::offers::update::update_offer)
        .service(sharing::offers::reconfirm::reconfirm_offer)
        .service(sharing::offers::delete::delete_offer)
        .service(sharing::requests::list::list_requests)
        .service(sharing::requests::create::create_request)
        .service(sharing::requests::show::show_request)
        .service(sharing::requests::update::update_request)
        .service(sharing::requests::delete::delete_request)
        .service(sharing::placements::list::list_placements)
        .service(sharing::placements::create::request_placement)
        .service(sharing::placements::show::show_placement)
        .service(sharing::placements::show::placement_history)
        .service(sharing::placements::moves::accept_placement)
        .service(sharing::placements::moves::decline_placement)
        .service(sharing::placements::moves::start_placement)
        .service(sharing::placements::moves::complete_placement)
        .service(sharing::placements::moves::cancel_placement)
        .service(sharing::matches::request_matches)
        .service(sharing::matches::offer_matches)
        .service(sharing::rotations::show::list_rotations)
        .service(sharing::rotations::create::create_rotation)
        .service(sharing::rotations::show::show_rotation)
        .service(sharing::rotations::withdraw::withdraw_rotation)
        .service(sharing::rotations::swaps::suggest_swaps)
        .service(sharing::rotations::swaps::propose_swap)
        .service(sharing::rotations::answer::show_swap)
        .service(sharing::rotations::answer::answer_swap)
        .service(sharing::murmurations::offer_profile)
        .service(sharing::murmurations::request_profile)
        .service(sharing::calendar::ics::coop_calendar)
        .service(sharing::calendar::ics::person_calendar)
        .service(sharing::calendar::feeds::create_feed)
        .service(sharing::calendar::feeds::list_feeds)
        .service(sharing::calendar::feeds::revoke_feed)
        .service(bidding::opportunities::list::list_opportunities)
        .service(bidding::opportunities::import::import_opportunities)
        .service(bidding::opportunities::create::create_opportunity)
        .service(bidding::opportunities::show::show_opportunity)
        .service(bidding::opportunities::for_coop::coop_opportunities)
        .service(bidding::bids::show::list_bids)
        .service(bidding::bids::create::create_bid)
        .service(bidding::bids::show::show_bid)
        .service(bidding::bids::terms::change_bid_terms)
        .service(bidding::bids::moves::decide_bid)
        .service(bidding::bids::moves::submit_bid)
        .service(bidding::bids::moves::win_bid)
        .service(bidding::bids::moves::lose_bid)
        .service(bidding::bids::moves::withdraw_bid)
        .service(bidding::bids::roles::add_role)
        .service(bidding::bids::suggestions::role_suggestions)
        .service(bidding::bids::sections::add_section)
        .service(bidding::bids::sections::update_section)
        .service(bidding::bids::consortium::invite_coop)
        .service(bidding::bids::consortium::answer_bid_invitation)
        .service(bidding::bids::gaps::bid_gaps)
        .service(bidding::bids::shares::bid_shares)
        .service(bidding::bids::ocds::bid_ocds)
        .service(bidding::bids::case_study::bid_case_study)
        .service(stats::show_stats)
        .service(search::suggest::suggest)
        .service(search::search);
}

/// Registers the operational endpoints (mounted at the root).
pub fn operations(cfg: &mut ServiceConfig<'_>) {
    cfg.service(ops::health::healthz)
        .service(ops::health::readyz)
        .service(ops::metrics::metrics);
}
