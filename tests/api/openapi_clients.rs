//! What client generators need of the document (openapi-typescript and
//! openapi-python-client with their defaults; `.ci/clients` runs both):
//! no enum whose members differ only in case, every union of objects named
//! by a discriminator, no request or response body left as a bare object,
//! every tag declared (generators and Swagger UI group operations by it).

use serde_json::Value;

fn spec() -> Value {
    serde_json::from_str(include_str!("../../openapi/openapi.json")).unwrap()
}

/// Every schema object in `value`, with where it is.
fn schemas<'v>(value: &'v Value, at: String, found: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(object) => {
            found.push((at.clone(), value));
            for (key, inner) in object {
                schemas(inner, format!("{at}/{key}"), found);
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                schemas(inner, format!("{at}/{i}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn the_country_pattern_takes_exactly_the_codes_the_server_keeps_in_either_case() {
    let spec = spec();
    let schema = &spec["components"]["schemas"]["LocationBody"]["properties"]["country"];
    assert!(schema.get("enum").is_none(), "{schema}");
    let validator = jsonschema::validator_for(schema).unwrap();
    let letters: Vec<char> = ('A'..='Z').chain('a'..='z').collect();
    for first in &letters {
        for second in &letters {
            let code = format!("{first}{second}");
            let kept = coophub_domain::coop::is_country_code(&code.to_uppercase());
            assert_eq!(
                validator.is_valid(&Value::from(code.clone())),
                kept,
                "{code}"
            );
        }
    }
    for odd in ["G", "GBR", " GB", "G1", ""] {
        assert!(!validator.is_valid(&Value::from(odd)), "{odd:?}");
    }
}

#[test]
fn no_enum_has_members_that_differ_only_in_case() {
    let spec = spec();
    let mut found = Vec::new();
    schemas(&spec, String::new(), &mut found);
    let mut alike = Vec::new();
    for (at, schema) in found {
        let Some(members) = schema.get("enum").and_then(Value::as_array) else {
            continue;
        };
        let mut seen = std::collections::HashSet::new();
        for member in members.iter().filter_map(Value::as_str) {
            if !seen.insert(member.to_lowercase()) {
                alike.push(format!("{at}: {member}"));
            }
        }
    }
    assert!(alike.is_empty(), "{alike:#?}");
}

#[test]
fn every_union_of_objects_has_a_discriminator_naming_its_variants() {
    let spec = spec();
    let mut found = Vec::new();
    schemas(&spec, String::new(), &mut found);
    let mut unnamed = Vec::new();
    for (at, schema) in &found {
        let Some(variants) = schema.get("oneOf").and_then(Value::as_array) else {
            continue;
        };
        let objects = variants.iter().filter(|v| v["type"] == "object").count();
        if objects > 0 {
            unnamed.push(format!("{at}: {objects} anonymous object variants"));
        }
    }
    assert!(unnamed.is_empty(), "{unnamed:#?}");
    let membership = &spec["components"]["schemas"]["MembershipRequest"];
    assert_eq!(membership["discriminator"]["propertyName"], "action");
    let mapping = membership["discriminator"]["mapping"].as_object().unwrap();
    assert_eq!(mapping.len(), 6);
    for (tag, reference) in mapping {
        let name = reference.as_str().unwrap().rsplit('/').next().unwrap();
        let variant = &spec["components"]["schemas"][name];
        assert_eq!(variant["properties"]["action"]["enum"][0], tag.as_str());
    }
}

#[test]
fn no_body_is_a_bare_object() {
    let spec = spec();
    let mut bare = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let requests = operation.pointer("/requestBody/content").into_iter();
            let responses = operation["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .filter_map(|(_, response)| response.get("content"));
            for content in requests.chain(responses) {
                for (media, body) in content.as_object().unwrap() {
                    let schema = &body["schema"];
                    let described = ["properties", "additionalProperties", "oneOf", "allOf"]
                        .iter()
                        .any(|keyword| schema.get(keyword).is_some());
                    if schema["type"] == "object" && !described {
                        bare.push(format!("{method} {path} ({media})"));
                    }
                }
            }
        }
    }
    assert!(bare.is_empty(), "{bare:#?}");
}

#[test]
fn every_tag_an_operation_names_is_declared_with_a_description() {
    let spec = spec();
    let declared: Vec<&str> = spec["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|tag| tag["description"].as_str().is_some_and(|d| !d.is_empty()))
        .map(|tag| tag["name"].as_str().unwrap())
        .collect();
    let mut undeclared = std::collections::BTreeSet::new();
    for item in spec["paths"].as_object().unwrap().values() {
        for operation in item.as_object().unwrap().values() {
            for tag in operation["tags"].as_array().into_iter().flatten() {
                let tag = tag.as_str().unwrap();
                if !declared.contains(&tag) {
                    undeclared.insert(tag.to_owned());
                }
            }
        }
    }
    assert!(undeclared.is_empty(), "{undeclared:?}");
}
