//! Route registration: one file per handler, grouped by resource. Handlers are
//! thin: parse, authorise, call the domain and store, map errors.

pub mod auth;
pub mod fallback;
pub mod me;
pub mod ops;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the versioned JSON API (mounted under `/api/v1`).
pub fn api(cfg: &mut ServiceConfig<'_>) {
    cfg.service(auth::register::register)
        .service(auth::login::login)
        .service(me::show::show_me)
        .service(me::change_password::change_password);
}

/// Registers the operational endpoints (mounted at the root).
pub fn operations(cfg: &mut ServiceConfig<'_>) {
    cfg.service(ops::health::healthz)
        .service(ops::health::readyz)
        .service(ops::metrics::metrics);
}
