//! The checked-in OpenAPI document must match the one the code generates.

const CHECKED_IN: &str = include_str!("../../openapi/openapi.json");

#[test]
fn the_checked_in_openapi_document_is_up_to_date() {
    let generated = coophub_api::spec_json().unwrap();
    assert!(
        generated == CHECKED_IN,
        "openapi/openapi.json is out of date; regenerate it with:\n    \
         cargo run -q -p coophub-server -- openapi > openapi/openapi.json"
    );
}

#[test]
fn every_path_parameter_is_in_its_path_and_every_query_parameter_is_declared_as_one() {
    let spec: serde_json::Value = serde_json::from_str(CHECKED_IN).unwrap();
    let mut wrong = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                let name = parameter["name"].as_str().unwrap();
                let in_path = path.contains(&format!("{{{name}}}"));
                if (parameter["in"] == "path") != in_path {
                    wrong.push(format!(
                        "{method} {path}: {name} is declared in {}",
                        parameter["in"]
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn problem_codes_are_an_enum_in_the_document() {
    let spec: serde_json::Value =
        serde_json::from_str(include_str!("../../openapi/openapi.json")).unwrap();
    let schemas = &spec["components"]["schemas"];
    assert_eq!(
        schemas["Problem"]["properties"]["code"]["$ref"],
        "#/components/schemas/Code"
    );
    let listed: Vec<&str> = schemas["Code"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap())
        .collect();
    let defined: Vec<&str> = coophub_api::problem::Code::ALL
        .iter()
        .map(|code| code.as_str())
        .collect();
    assert_eq!(listed, defined);
}

#[test]
fn event_kinds_are_documented_as_they_are_sent() {
    let spec: serde_json::Value =
        serde_json::from_str(include_str!("../../openapi/openapi.json")).unwrap();
    let listed: Vec<&str> = spec["components"]["schemas"]["EventKind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|kind| kind.as_str().unwrap())
        .collect();
    let sent: Vec<&str> = coophub_domain::notify::EventKind::ALL
        .iter()
        .map(|kind| kind.as_str())
        .collect();
    assert_eq!(
        listed, sent,
        "the names clients receive, e.g. placement.requested"
    );
}

/// Every operation documents the problems it shares with others: 401 where a
/// token is needed, 400/413/415/422 where a JSON body is read, 412 where
/// `If-Match` is honoured.
#[test]
fn shared_problem_responses_are_documented_wherever_they_apply() {
    let spec: serde_json::Value = serde_json::from_str(CHECKED_IN).unwrap();
    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let what = format!("{method} {path}");
            let mut needed = Vec::new();
            // A token is read (so a bad one is 401) wherever one may be sent.
            let takes_a_token = operation["security"]
                .as_array()
                .is_some_and(|alternatives| {
                    alternatives.iter().any(|a| a != &serde_json::json!({}))
                });
            if takes_a_token {
                needed.push("401");
            }
            if operation.get("requestBody").is_some() {
                needed.extend(["400", "413", "415", "422"]);
            }
            let if_match = operation["parameters"]
                .as_array()
                .is_some_and(|ps| ps.iter().any(|p| p["name"] == "If-Match"));
            if if_match {
                needed.push("412");
            }
            for status in needed {
                let response = &responses
                    .get(status)
                    .unwrap_or_else(|| panic!("{what} does not document {status}"));
                assert!(
                    response["content"]["application/problem+json"].is_object(),
                    "{what} {status} is a problem document"
                );
            }
        }
    }
}

/// Every `$ref` names a schema the document defines (a type used only in a
/// query string must be inlined, or it dangles).
#[test]
fn every_reference_names_a_defined_schema() {
    fn refs(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(target)) = map.get("$ref") {
                    found.push(target.clone());
                }
                map.values().for_each(|v| refs(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let spec: serde_json::Value = serde_json::from_str(CHECKED_IN).unwrap();
    let mut found = Vec::new();
    refs(&spec, &mut found);
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let dangling: Vec<&String> = found
        .iter()
        .filter(|r| {
            r.strip_prefix("#/components/schemas/")
                .is_none_or(|name| !schemas.contains_key(name))
        })
        .collect();
    assert!(dangling.is_empty(), "dangling references: {dangling:?}");
}

/// The pattern the document gives every date a record keeps says exactly
/// what `coophub_domain::dates` accepts, day by day, leap days included.
#[test]
fn the_stated_date_range_is_the_one_the_server_keeps() {
    let spec: serde_json::Value = serde_json::from_str(CHECKED_IN).unwrap();
    let schema = &spec["components"]["schemas"]["InvoiceBody"]["properties"]["issued_on"];
    let validator = jsonschema::validator_for(schema).unwrap();
    let mut day = chrono::NaiveDate::from_ymd_opt(1999, 1, 1).unwrap();
    let last = chrono::NaiveDate::from_ymd_opt(2102, 1, 1).unwrap();
    while day <= last {
        let text = serde_json::json!(day.to_string());
        assert_eq!(
            validator.is_valid(&text),
            coophub_domain::dates::plausible(day),
            "{day}"
        );
        day = day.succ_opt().unwrap();
    }
}
