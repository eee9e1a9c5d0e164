//! What answers when no route matched: 405 with `Allow` when the path exists
//! for other methods, 404 otherwise. The table of paths and methods is read
//! from the OpenAPI document, so it can never disagree with the routes.

use actix_web::dev::ResourceDef;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use utoipa::openapi::OpenApi;

use crate::problem::ApiError;

/// Every documented path with the methods it answers.
#[derive(Debug, Default)]
pub struct RouteTable(Vec<(ResourceDef, Vec<Method>)>);

impl RouteTable {
    /// Builds the table from the generated OpenAPI document.
    pub fn from_spec(spec: &OpenApi) -> Self {
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    (Method::GET, &item.get),
                    (Method::PUT, &item.put),
                    (Method::POST, &item.post),
                    (Method::DELETE, &item.delete),
                    (Method::PATCH, &item.patch),
                ]
                .into_iter()
                .filter(|(_, operation)| operation.is_some())
                .map(|(method, _)| method)
                .collect();
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        Self(routes)
    }

    /// The methods of a documented path with no parameters equal to `path`:
    /// `/opportunities/import` is such a path, though `/opportunities/{id}`
    /// matches it too.
    pub fn literal_methods(&self, path: &str) -> Option<&[Method]> {
        self.0
            .iter()
            .find(|(def, _)| !def.pattern().is_some_and(|p| p.contains('{')) && def.is_match(path))
            .map(|(_, methods)| methods.as_slice())
    }

    fn methods_for(&self, path: &str) -> Option<&[Method]> {
        self.0
            .iter()
            .find(|(def, _)| def.is_match(path))
            .map(|(_, methods)| methods.as_slice())
    }
}

/// The default service.
pub async fn not_matched(
    req: HttpRequest,
    table: web::Data<RouteTable>,
) -> Result<HttpResponse, ApiError> {
    Err(match table.methods_for(req.path()) {
        Some(allow) => ApiError::MethodNotAllowed {
            method: req.method().clone(),
            allow: allow.to_vec(),
        },
        None => ApiError::NotFound(format!("no route for {}", req.path())),
    })
}
