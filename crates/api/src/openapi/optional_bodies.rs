//! A request body that may be left out is optional, not `null`: utoipa
//! writes an `Option<T>` body as `oneOf: [T, null]`, but the handlers read
//! no body as "none" and a `null` document as a wrong shape (every body is
//! an object). So such a body's schema is `T`, with `required` left false.

use serde_json::Value;

/// Rewrites every optional body's `oneOf: [T, null]` schema as `T`.
pub(super) fn unwrap_optional_bodies(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for operation in paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
    {
        let Some(body) = operation.get_mut("requestBody") else {
            continue;
        };
        if body.get("required").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let Some(content) = body.get_mut("content").and_then(Value::as_object_mut) else {
            continue;
        };
        for media in content.values_mut() {
            let Some(schema) = media.get_mut("schema") else {
                continue;
            };
            let kept: Option<Value> = schema
                .get("oneOf")
                .and_then(Value::as_array)
                .filter(|options| options.len() == 2)
                .and_then(|options| {
                    let is_null = |o: &Value| o.get("type").and_then(Value::as_str) == Some("null");
                    options
                        .iter()
                        .any(is_null)
                        .then(|| options.iter().find(|o| !is_null(o)).cloned())?
                });
            if let Some(kept) = kept {
                *schema = kept;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_optional_body_is_its_type_not_null() {
        let mut doc = json!({"paths": {"/x": {"post": {"requestBody": {"content": {
            "application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "null"}]}}}}}}}});
        unwrap_optional_bodies(&mut doc);
        assert_eq!(
            doc.pointer("/paths/~1x/post/requestBody/content/application~1json/schema"),
            Some(&json!({"$ref": "#/components/schemas/B"}))
        );
    }
}
