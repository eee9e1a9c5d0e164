//! PATCH bodies are JSON Merge Patches (RFC 7396) of the resource's PUT
//! body: any of its fields, each possibly `null` (remove, or back to the
//! default), nothing else. The handlers read them as free JSON, so the
//! document gets their schema here, from the PUT body of the same path.
//! Whether the merged whole is valid (a required field removed, a pair of
//! fields split) is checked when it is merged, with 422.

use serde_json::{Value, json};

/// The merge-patch schema of component `name` of `doc`.
fn patch_of(doc: &Value, name: &str) -> Option<Value> {
    let whole = doc.pointer(&format!("/components/schemas/{name}"))?;
    let properties: serde_json::Map<String, Value> = whole["properties"]
        .as_object()?
        .iter()
        .map(|(field, schema)| {
            let nullable = json!({"oneOf": [schema, {"type": "null"}]});
            (field.clone(), nullable)
        })
        .collect();
    Some(json!({
        "type": "object",
        "description": format!("A JSON Merge Patch (RFC 7396) of `{name}`: the fields to change; `null` removes one."),
        "properties": properties,
        "additionalProperties": false,
    }))
}

/// The component the PUT of `operations` reads.
fn put_body(operations: &Value) -> Option<String> {
    operations["put"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        .as_str()?
        .strip_prefix("#/components/schemas/")
        .map(str::to_owned)
}

/// Gives every merge-patch PATCH body the schema of its path's PUT body.
pub(super) fn state_patch_bodies(doc: &mut Value) -> Result<(), String> {
    let paths: Vec<String> = doc["paths"]
        .as_object()
        .map(|paths| paths.keys().cloned().collect())
        .unwrap_or_default();
    for path in paths {
        let operations = &doc["paths"][&path];
        // PATCHes of resources without a PUT (webhooks) read plain JSON.
        let merge_patch =
            &operations["patch"]["requestBody"]["content"]["application/merge-patch+json"];
        if merge_patch.is_null() {
            continue;
        }
        let name = put_body(operations).ok_or_else(|| format!("PATCH {path} has no PUT body"))?;
        let patch = patch_of(doc, &name).ok_or_else(|| format!("no component {name}"))?;
        let body = doc
            .pointer_mut(&format!(
                "/paths/{}/patch/requestBody/content/application~1merge-patch+json/schema",
                path.replace('~', "~0").replace('/', "~1")
            ))
            .ok_or_else(|| format!("PATCH {path} reads no merge patch"))?;
        *body = patch;
    }
    Ok(())
}
