//! Assembles the actix application: routes, documentation, middleware and
//! the request limits, from the shared state.

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{Condition, from_fn};
use actix_web::{App, web};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::client_address::TrustedProxies;
use crate::extract::{BodyRules, path_config};
use crate::middleware::{
    AddressLimiter, Metrics, REQUEST_ID, limit_per_address, problems, read_your_writes,
    refuse_control_characters, security_headers, telemetry,
};
use crate::openapi::with_routes;
use crate::routes::fallback::{RouteTable, not_matched};
use crate::state::AppState;

/// Which browser origins may call the API (`COOPHUB_CORS_ORIGINS`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorsPolicy {
    /// No cross-origin access (the default).
    Disabled,
    /// Any origin (`*`); tokens are sent as headers, never cookies, so this is safe for reads.
    AnyOrigin,
    /// Only these exact origins, e.g. `https://app.example.coop`.
    Origins(Vec<String>),
}

/// HTTP-level settings.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// Largest JSON body accepted, in bytes.
    pub json_limit: usize,
    /// Cross-origin policy.
    pub cors: CorsPolicy,
    /// How long a client may take to send a request body.
    pub body_timeout: std::time::Duration,
}

/// What all workers share; build it once, then call [`app`] per worker.
#[derive(Debug, Clone)]
pub struct Shared {
    /// Store, tokens, clock, limits.
    pub state: web::Data<AppState>,
    /// Request metrics.
    pub metrics: web::Data<Metrics>,
    /// HTTP settings.
    pub settings: HttpSettings,
    /// Requests in flight per client address, across workers.
    pub per_address: web::Data<AddressLimiter>,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: web::Data<TrustedProxies>,
}

/// The application for one worker.
pub fn app(
    shared: Shared,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let spec = crate::openapi::spec();
    let routes = RouteTable::from_spec(&spec);
    // The documentation first: the `/api/v1` scope would otherwise claim
    // `/api/v1/openapi.json` and answer 404.
    let app = App::new()
        .service(web::redirect("/docs", "/docs/"))
        .service(SwaggerUi::new("/docs/{_:.*}").url("/api/v1/openapi.json", spec));
    let limit = shared.settings.json_limit;
    with_routes(app.into_utoipa_app())
        .into_app()
        .app_data(shared.state)
        .app_data(shared.metrics)
        .app_data(web::Data::new(routes))
        .app_data(BodyRules {
            limit,
            timeout: shared.settings.body_timeout,
        })
        .app_data(shared.per_address)
        .app_data(shared.trusted_proxies)
        .app_data(web::PayloadConfig::new(limit))
        .app_data(path_config())
        .default_service(web::to(not_matched))
        .wrap(Condition::new(
            shared.settings.cors != CorsPolicy::Disabled,
            cors(&shared.settings.cors),
        ))
        .wrap(from_fn(refuse_control_characters))
        .wrap(from_fn(limit_per_address))
        .wrap(from_fn(read_your_writes))
        .wrap(from_fn(problems))
        .wrap(from_fn(telemetry))
        .wrap(from_fn(security_headers))
}

fn cors(policy: &CorsPolicy) -> Cors {
    let cors = Cors::default()
        .allowed_methods(["GET", "POST", "PUT", "PATCH", "DELETE"])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::IF_MATCH,
            header::IF_NONE_MATCH,
            REQUEST_ID,
        ])
        .expose_headers([
            header::ETAG,
            header::LOCATION,
            header::RETRY_AFTER,
            REQUEST_ID,
        ])
        // Let a mismatched origin through without CORS headers: the browser
        // refuses it, while same-origin pages (e.g. /docs) keep working.
        .block_on_origin_mismatch(false)
        .max_age(3600);
    match policy {
        CorsPolicy::Disabled => cors,
        CorsPolicy::AnyOrigin => cors.allow_any_origin().send_wildcard(),
        CorsPolicy::Origins(origins) => origins
            .iter()
            .fold(cors, |cors, origin| cors.allowed_origin(origin)),
    }
}
