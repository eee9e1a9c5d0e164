//! The rules the server checks, stated in the document so that clients (and
//! schemathesis, which `.ci/run` points at the served spec) know them before
//! they send: lengths, patterns, ranges and list sizes of every request field
//! and parameter, and text hygiene (no NUL or other control characters) on
//! every string a request carries. The values mirror the domain's checks;
//! schemathesis's positive and negative checks in CI fail when the two drift.
//!
//! This file walks the document; `rules.rs` holds the tables and
//! `keywords.rs` turns a rule into JSON Schema. Rules that relate several
//! fields or other records (latitude with longitude, a named co-op that must
//! exist, `radius_km` without `near`) cannot be said in JSON Schema: they
//! answer 422 (400 for search parameters) as documented, and
//! `.ci/schemathesis.toml` lists them.

use serde_json::{Map, Value, json};

use super::keywords::{hygienic, state};
use super::rules::{BODY_CONTROLS, LINE_CONTROLS, OPERATION_PARAMETERS, PARAMETERS, PROPERTIES};

/// The schema of `property` (`name[]`: its items) of component `schema`.
fn property<'a>(doc: &'a mut Value, schema: &str, property: &str) -> Option<&'a mut Value> {
    let (name, items) = match property.strip_suffix("[]") {
        Some(name) => (name, true),
        None => (property, false),
    };
    let found = doc.pointer_mut(&format!("/components/schemas/{schema}/properties/{name}"))?;
    if items {
        found.get_mut("items")
    } else {
        Some(found)
    }
}

/// States every rule in `doc` (the document as JSON). Fails, naming it, on a
/// rule whose field is not in the document: the table must follow renames.
pub(super) fn state_rules(doc: &mut Value) -> Result<(), String> {
    for (schema, name, rule) in PROPERTIES {
        let target = property(doc, schema, name)
            .ok_or_else(|| format!("no property {schema}.{name} to constrain"))?;
        state(target, *rule);
    }
    clean_request_bodies(doc);
    let Some(Value::Object(paths)) = doc.get_mut("paths") else {
        return Err("the document has no paths".into());
    };
    for (path, operations) in paths.iter_mut() {
        let Value::Object(operations) = operations else {
            continue;
        };
        for operation in operations.values_mut() {
            for parameter in parameters(operation) {
                state_parameter(path, parameter);
            }
        }
    }
    for (path, name, _) in OPERATION_PARAMETERS {
        let name = name.trim_end_matches("[]");
        let known = paths
            .get_mut(*path)
            .and_then(Value::as_object_mut)
            .is_some_and(|operations| {
                operations
                    .values_mut()
                    .flat_map(parameters)
                    .any(|parameter| parameter.get("name").and_then(Value::as_str) == Some(name))
            });
        if !known {
            return Err(format!("no parameter {name} of {path} to constrain"));
        }
    }
    Ok(())
}

fn parameters(operation: &mut Value) -> impl Iterator<Item = &mut Map<String, Value>> {
    operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
}

/// States the rule for one parameter of `path`, and text hygiene for any string.
fn state_parameter(path: &str, parameter: &mut Map<String, Value>) {
    let name = parameter
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let location = parameter
        .get("in")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let Some(schema) = parameter.get_mut("schema") else {
        return;
    };
    let rule_for = |name: &str| {
        OPERATION_PARAMETERS
            .iter()
            .find(|(p, n, _)| *p == path && *n == name)
            .map(|(_, _, rule)| *rule)
            .or_else(|| {
                PARAMETERS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, rule)| *rule)
            })
    };
    if let Some(rule) = rule_for(&name) {
        state(schema, rule);
    }
    if let (Some(rule), Some(items)) = (rule_for(&format!("{name}[]")), schema.get_mut("items")) {
        state(items, rule);
    }
    if location == "path" || location == "query" {
        clean_strings(schema, LINE_CONTROLS);
    }
}

/// Text hygiene on every plain string within `schema` (not enums, formats or
/// patterns already stated), and on the names of any object's properties.
fn clean_strings(schema: &mut Value, controls: &str) {
    match schema {
        Value::Object(map) => {
            let is_string = map.get("type").is_some_and(|t| {
                t == "string"
                    || t.as_array()
                        .is_some_and(|ts| ts.iter().any(|t| t == "string"))
            });
            let constrained = ["enum", "format", "pattern", "$ref"]
                .iter()
                .any(|keyword| map.contains_key(*keyword));
            if is_string && !constrained {
                map.insert("pattern".into(), json!(hygienic(controls, false)));
            }
            if map.get("type").is_some_and(|t| t == "object") && !map.contains_key("propertyNames")
            {
                map.insert(
                    "propertyNames".into(),
                    json!({"type": "string", "pattern": hygienic(LINE_CONTROLS, false)}),
                );
            }
            for (keyword, value) in map.iter_mut() {
                if keyword != "propertyNames" {
                    clean_strings(value, controls);
                }
            }
        }
        Value::Array(values) => values.iter_mut().for_each(|v| clean_strings(v, controls)),
        _ => {}
    }
}

/// Every object schema within `schema` that lists its properties admits no
/// others, unless it says it is open (a flattened map of any values, such as
/// an OCDS package's fields coophub does not read): that is stated as
/// `additionalProperties: true`, the form utoipa's types read back.
fn close_objects(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            let open = match map.get("additionalProperties") {
                Some(Value::Object(any)) => !any.contains_key("type") && !any.contains_key("$ref"),
                _ => false,
            };
            if open {
                map.insert("additionalProperties".into(), Value::Bool(true));
            } else if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(values) => values.iter_mut().for_each(close_objects),
        _ => {}
    }
}

/// The component schemas request bodies use, directly or within each other.
fn request_components(doc: &Value) -> Vec<String> {
    fn refs(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref")
                    && let Some(name) = target.strip_prefix("#/components/schemas/")
                    && !found.iter().any(|known| known == name)
                {
                    found.push(name.to_owned());
                }
                map.values().for_each(|v| refs(v, found));
            }
            Value::Array(values) => values.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for operations in doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|p| p.values())
    {
        for operation in operations.as_object().into_iter().flat_map(|o| o.values()) {
            refs(&operation["requestBody"], &mut found);
        }
    }
    // Components may refer to further components.
    let mut seen = 0;
    while seen < found.len() {
        let name = found[seen].clone();
        refs(&doc["components"]["schemas"][&name], &mut found);
        seen += 1;
    }
    found
}

/// Text hygiene on every string of every request body; and request objects
/// are closed, as the server refuses fields it does not know (422).
fn clean_request_bodies(doc: &mut Value) {
    for name in request_components(doc) {
        if let Some(schema) = doc.pointer_mut(&format!("/components/schemas/{name}")) {
            clean_strings(schema, BODY_CONTROLS);
            close_objects(schema);
        }
    }
    for operations in doc["paths"]
        .as_object_mut()
        .into_iter()
        .flat_map(|p| p.values_mut())
    {
        for operation in operations
            .as_object_mut()
            .into_iter()
            .flat_map(|o| o.values_mut())
        {
            if let Some(body) = operation.get_mut("requestBody") {
                clean_strings(body, BODY_CONTROLS);
            }
        }
    }
}
