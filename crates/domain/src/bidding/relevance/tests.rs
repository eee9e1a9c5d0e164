use super::*;
use crate::bidding::ManualTender;

fn tender(title: &str, description: &str, cpv: &[&str], buyer: &str) -> TenderRelease {
    let now = "2027-01-04T00:00:00Z".parse().unwrap();
    ManualTender {
        title: title.into(),
        description: description.into(),
        buyer_name: Some(buyer.into()),
        region: None,
        deadline: None,
        value: None,
        cpv: cpv.iter().map(|c| (*c).to_owned()).collect(),
        suitable_for_sme: None,
        suitable_for_vcse: None,
    }
    .into_release("coophub-1".into(), now)
}

fn listed(skills: &[&str]) -> CoopEvidence {
    CoopEvidence {
        listed: skills.iter().map(|s| (*s).to_owned()).collect(),
        ..CoopEvidence::default()
    }
}

const SHEFFIELD: (f64, f64) = (53.3811, -1.4701);
const PLYMOUTH: (f64, f64) = (50.3755, -4.1427);

fn parking() -> TenderRelease {
    let mut parking = tender(
        "Civil Parking Enforcement Back Office System",
        "A back-office software system for parking enforcement: geolocation of \
         notices, letter-writing software and a customer portal for appeals.",
        &["98351110-2"],
        "Sheffield City Council",
    );
    parking.place = Some("Town Hall, Sheffield, S1 2HH".into());
    parking
}

#[test]
fn a_software_tender_under_a_parking_code_ranks_for_a_local_web_coop() {
    let parking = parking();
    let needs = tender_needs(&parking, &[]);
    assert!(
        needs
            .iter()
            .all(|n| matches!(n.source, NeedSource::Words { .. })),
        "no CPV entry for parking enforcement: {needs:?}"
    );
    let web = listed(&["web-development", "php"]);
    let place = tender_place(&parking);
    assert_eq!(place.map(|p| p.name.as_str()), Some("Sheffield"));
    let near = relevance(needs.clone(), &web, Some(SHEFFIELD), place, false);
    assert_eq!(near.met.len(), 1);
    assert_eq!(near.met[0].skill, "web-development");
    assert_eq!(
        near.met[0].need.source,
        NeedSource::Words { phrase: "software" }
    );
    let (_, km) = near.place.unwrap();
    assert!(km < NEAR_KM, "{km}");
    let far = relevance(needs, &web, Some(PLYMOUTH), place, false);
    assert!(near.score > far.score, "{} vs {}", near.score, far.score);
    assert!(far.score > 0.0, "still relevant, only further");
}

#[test]
fn the_buyer_name_places_a_tender_without_an_address() {
    let parking = tender("Website", "", &[], "Leeds City Council");
    assert_eq!(
        tender_place(&parking).map(|p| p.name.as_str()),
        Some("Leeds")
    );
    let nowhere = tender("Website", "", &[], "A housing association");
    assert_eq!(tender_place(&nowhere), None);
}

#[test]
fn codes_count_more_than_words_and_nothing_met_is_not_relevant() {
    let site = tender(
        "New website",
        "Includes a dashboard and video content.",
        &["72413000"],
        "A charity",
    );
    let needs = tender_needs(&site, &["rust".to_owned()]);
    let sources: Vec<&NeedSource> = needs.iter().map(|n| &n.source).collect();
    assert_eq!(
        sources,
        [
            &NeedSource::Cpv {
                code: "72413000",
                description: "World wide web (www) site design services"
            },
            &NeedSource::Asked,
            &NeedSource::Words {
                phrase: "dashboard"
            },
            &NeedSource::Words { phrase: "video" },
        ],
        "\"website\" is not a need of its own: the code already asks for web development"
    );
    let designer = relevance(needs.clone(), &listed(&["web-design"]), None, None, false);
    let filmmaker = relevance(needs.clone(), &listed(&["film"]), None, None, false);
    assert!(designer.score > filmmaker.score);
    assert_eq!(designer.unmet.len(), 3);
    let nothing = relevance(needs.clone(), &listed(&["printing"]), None, None, true);
    assert!(nothing.met.is_empty());
    assert_eq!(nothing.score, 0.0, "suitability alone ranks nothing");
    let evidenced = CoopEvidence {
        case_studies: vec!["web-design".into()],
        ..listed(&["web-design"])
    };
    let shown = relevance(needs, &evidenced, None, None, true);
    assert_eq!(
        shown.met[0].evidence,
        [Evidence::Listed, Evidence::CaseStudy]
    );
    assert!(shown.score > designer.score);
}
