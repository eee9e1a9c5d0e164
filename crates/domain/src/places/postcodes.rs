//! UK postcode areas (the letters before the first digit: `S` in `S1 2HH`)
//! and the post town each is named after, so that a tender giving only a
//! postcode can be placed. An area spans a town and its hinterland (tens of
//! kilometres): good enough to say "near", never a street. The 121 areas
//! of Great Britain and Northern Ireland, as Royal Mail names them.

/// Each postcode area and the town it is named after, as the gazetteer
/// spells it.
const AREAS: &[(&str, &str)] = &[
    ("AB", "Aberdeen"),
    ("AL", "St Albans"),
    ("B", "Birmingham"),
    ("BA", "Bath"),
    ("BB", "Blackburn"),
    ("BD", "Bradford"),
    ("BH", "Bournemouth"),
    ("BL", "Bolton"),
    ("BN", "Brighton"),
    ("BR", "Bromley"),
    ("BS", "Bristol"),
    ("BT", "Belfast"),
    ("CA", "Carlisle"),
    ("CB", "Cambridge"),
    ("CF", "Cardiff"),
    ("CH", "Chester"),
    ("CM", "Chelmsford"),
    ("CO", "Colchester"),
    ("CR", "Croydon"),
    ("CT", "Canterbury"),
    ("CV", "Coventry"),
    ("CW", "Crewe"),
    ("DA", "Dartford"),
    ("DD", "Dundee"),
    ("DE", "Derby"),
    ("DG", "Dumfries"),
    ("DH", "Durham"),
    ("DL", "Darlington"),
    ("DN", "Doncaster"),
    ("DT", "Dorchester"),
    ("DY", "Dudley"),
    ("E", "London"),
    ("EC", "London"),
    ("EH", "Edinburgh"),
    ("EN", "Enfield"),
    ("EX", "Exeter"),
    ("FK", "Falkirk"),
    ("FY", "Blackpool"),
    ("G", "Glasgow"),
    ("GL", "Gloucester"),
    ("GU", "Guildford"),
    ("HA", "Harrow"),
    ("HD", "Huddersfield"),
    ("HG", "Harrogate"),
    ("HP", "Hemel Hempstead"),
    ("HR", "Hereford"),
    ("HS", "Stornoway"),
    ("HU", "Hull"),
    ("HX", "Halifax"),
    ("IG", "Ilford"),
    ("IP", "Ipswich"),
    ("IV", "Inverness"),
    ("KA", "Kilmarnock"),
    ("KT", "Kingston upon Thames"),
    ("KW", "Kirkwall"),
    ("KY", "Kirkcaldy"),
    ("L", "Liverpool"),
    ("LA", "Lancaster"),
    ("LD", "Llandrindod Wells"),
    ("LE", "Leicester"),
    ("LL", "Llandudno"),
    ("LN", "Lincoln"),
    ("LS", "Leeds"),
    ("LU", "Luton"),
    ("M", "Manchester"),
    ("ME", "Rochester"),
    ("MK", "Milton Keynes"),
    ("ML", "Motherwell"),
    ("N", "London"),
    ("NE", "Newcastle upon Tyne"),
    ("NG", "Nottingham"),
    ("NN", "Northampton"),
    ("NP", "Newport"),
    ("NR", "Norwich"),
    ("NW", "London"),
    ("OL", "Oldham"),
    ("OX", "Oxford"),
    ("PA", "Paisley"),
    ("PE", "Peterborough"),
    ("PH", "Perth"),
    ("PL", "Plymouth"),
    ("PO", "Portsmouth"),
    ("PR", "Preston"),
    ("RG", "Reading"),
    ("RH", "Redhill"),
    ("RM", "Romford"),
    ("S", "Sheffield"),
    ("SA", "Swansea"),
    ("SE", "London"),
    ("SG", "Stevenage"),
    ("SK", "Stockport"),
    ("SL", "Slough"),
    ("SM", "Sutton"),
    ("SN", "Swindon"),
    ("SO", "Southampton"),
    ("SP", "Salisbury"),
    ("SR", "Sunderland"),
    ("SS", "Southend-on-Sea"),
    ("ST", "Stoke-on-Trent"),
    ("SW", "London"),
    ("SY", "Shrewsbury"),
    ("TA", "Taunton"),
    ("TD", "Galashiels"),
    ("TF", "Telford"),
    ("TN", "Tonbridge"),
    ("TQ", "Torquay"),
    ("TR", "Truro"),
    ("TS", "Middlesbrough"),
    ("TW", "Twickenham"),
    ("UB", "Southall"),
    ("W", "London"),
    ("WA", "Warrington"),
    ("WC", "London"),
    ("WD", "Watford"),
    ("WF", "Wakefield"),
    ("WN", "Wigan"),
    ("WR", "Worcester"),
    ("WS", "Walsall"),
    ("WV", "Wolverhampton"),
    ("YO", "York"),
    ("ZE", "Lerwick"),
];

/// The post town of `text` if it is a UK postcode or its outward part
/// (`S1 2HH`, `s12hh`, `LS6`): letters of a known area, then a digit.
pub fn post_town(text: &str) -> Option<&'static str> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    if !(2..=8).contains(&compact.len()) || !compact.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let letters: String = compact
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let rest = &compact[letters.len()..];
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    AREAS
        .iter()
        .find(|(area, _)| *area == letters)
        .map(|(_, town)| *town)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postcodes_name_the_town_of_their_area() {
        assert_eq!(post_town("S1 2HH"), Some("Sheffield"));
        assert_eq!(post_town(" ls6 1aa "), Some("Leeds"));
        assert_eq!(post_town("SW1A 1AA"), Some("London"));
        assert_eq!(post_town("M4"), Some("Manchester"));
        assert_eq!(post_town("Sheffield"), None);
        assert_eq!(post_town("QQ1 1AA"), None, "no such area");
        assert_eq!(post_town("S"), None);
    }

    #[test]
    fn every_post_town_is_in_the_gazetteer() {
        for (area, town) in AREAS {
            assert!(super::super::find(town).is_some(), "{area}: {town}");
        }
        assert_eq!(AREAS.len(), 121);
    }
}
