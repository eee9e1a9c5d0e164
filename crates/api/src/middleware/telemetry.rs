//! Request telemetry: a request id on every request (the caller's
//! `X-Request-Id` if it is sensible, a new UUID otherwise), echoed in the
//! response and attached to every log line; one access-log line per request;
//! Prometheus counters and latency histograms per route.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError, web};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use tracing::Instrument;

/// The request id header, read and echoed.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// Longest caller-supplied request id honoured.
const MAX_REQUEST_ID_LEN: usize = 128;

/// Per-route request counts and latencies, rendered for `/metrics`.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
    outbox: IntGauge,
}

/// What `/metrics` reads at each scrape, besides what requests counted.
#[derive(Debug, Clone, Copy)]
pub struct Gauges {
    /// Database connections open.
    pub connections: u32,
    /// Of them idle.
    pub idle: u32,
    /// The most the pool opens.
    pub max: u32,
    /// Webhook messages waiting to be delivered or retried.
    pub outbox: i64,
}

impl Metrics {
    /// Registers the collectors in a registry of this server's own.
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "coophub_http_requests_total",
                "HTTP requests answered, by route, method and status",
            ),
            &["method", "route", "status"],
        )?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "coophub_http_request_duration_seconds",
                "Time to answer HTTP requests, by route and method",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["method", "route"],
        )?;
        let pool = IntGaugeVec::new(
            Opts::new(
                "coophub_db_pool_connections",
                "Database connections: open, idle, and the most the pool opens",
            ),
            &["state"],
        )?;
        let outbox = IntGauge::new(
            "coophub_webhook_outbox_pending",
            "Webhook messages waiting to be delivered or retried",
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(pool.clone()))?;
        registry.register(Box::new(outbox.clone()))?;
        // CPU seconds, resident memory, open file descriptors, start time.
        registry.register(Box::new(
            prometheus::process_collector::ProcessCollector::for_self(),
        ))?;
        Ok(Self {
            registry,
            requests,
            latency,
            pool,
            outbox,
        })
    }

    fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.requests
            .with_label_values(&[method, route, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[method, route])
            .observe(seconds);
    }

    /// The Prometheus text exposition of everything collected, with the
    /// gauges as read now.
    pub fn render(&self, gauges: Gauges) -> Result<String, prometheus::Error> {
        for (state, value) in [
            ("open", gauges.connections),
            ("idle", gauges.idle),
            ("max", gauges.max),
        ] {
            self.pool.with_label_values(&[state]).set(i64::from(value));
        }
        self.outbox.set(gauges.outbox);
        let mut out = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut out)?;
        String::from_utf8(out).map_err(|e| prometheus::Error::Msg(e.to_string()))
    }
}

/// The caller's request id, if it is short and made of safe characters.
fn incoming_request_id(req: &ServiceRequest) -> Option<String> {
    let value = req.headers().get(REQUEST_ID)?.to_str().ok()?;
    let sensible = !value.is_empty()
        && value.len() <= MAX_REQUEST_ID_LEN
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    sensible.then(|| value.to_owned())
}

/// The telemetry middleware (see the module documentation).
pub async fn telemetry(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let metrics = req.app_data::<web::Data<Metrics>>().cloned();
    let request_id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = method_label(req.method()),
        path = %req.path(),
    );
    let started = Instant::now();
    let outcome = next.call(req).instrument(span.clone()).await;
    let elapsed = started.elapsed();
    let header_value = HeaderValue::from_str(&request_id).ok();

    let (status, route, method) = match &outcome {
        // Unmatched paths share one label so that scanners cannot grow the series.
        Ok(res) => (
            res.status(),
            res.request()
                .match_pattern()
                .unwrap_or_else(|| "unmatched".to_owned()),
            method_label(res.request().method()),
        ),
        Err(error) => (
            error.as_response_error().status_code(),
            "failed".to_owned(),
            "",
        ),
    };
    if let Some(metrics) = &metrics {
        metrics.observe(method, &route, status.as_u16(), elapsed.as_secs_f64());
    }
    span.in_scope(|| {
        tracing::info!(
            status = status.as_u16(),
            route = %route,
            latency_ms = elapsed.as_secs_f64() * 1000.0,
            "request completed"
        );
    });
    match outcome {
        Ok(mut res) => {
            if let Some(value) = header_value {
                res.headers_mut().insert(REQUEST_ID, value);
            }
            Ok(res)
        }
        Err(error) => Err(TaggedError {
            error,
            request_id: header_value,
        }
        .into()),
    }
}

/// The method as a metrics label and log field, from a closed set: any client
/// may send any method name, and each would otherwise become a new series.
fn method_label(method: &Method) -> &'static str {
    const KNOWN: [Method; 7] = [
        Method::GET,
        Method::HEAD,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
    ];
    KNOWN
        .iter()
        .find(|known| *known == method)
        .map_or("other", Method::as_str)
}

/// An error leaving the app, tagged with the request id it should echo.
#[derive(Debug)]
struct TaggedError {
    error: actix_web::Error,
    request_id: Option<HeaderValue>,
}

impl std::fmt::Display for TaggedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.error.fmt(f)
    }
}

impl ResponseError for TaggedError {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.error.as_response_error().status_code()
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = self.error.error_response();
        if let Some(value) = &self.request_id {
            response.headers_mut().insert(REQUEST_ID, value.clone());
        }
        response
    }
}
