//! What a generated network is made of: UK towns with coordinates, names,
//! skills drawn from the built-in vocabulary with a long tail (a few skills
//! are everywhere, most are rare), as in a real directory.

use coophub_domain::skills::SEED;
use rand::Rng;
use rand::rngs::StdRng;

/// A town: name, region (as the CoTech directory writes it), latitude, longitude.
pub type Town = (&'static str, &'static str, f64, f64);

/// Towns co-ops are in, weighted by listing a big one more than once.
pub const TOWNS: &[Town] = &[
    ("London", "London", 51.507, -0.128),
    ("London", "London", 51.507, -0.128),
    ("London", "London", 51.507, -0.128),
    ("Manchester", "North West", 53.481, -2.243),
    ("Manchester", "North West", 53.481, -2.243),
    ("Liverpool", "North West", 53.408, -2.991),
    ("Leeds", "Yorkshire and the Humber", 53.800, -1.549),
    ("Sheffield", "Yorkshire and the Humber", 53.381, -1.470),
    ("Bradford", "Yorkshire and the Humber", 53.796, -1.759),
    ("Hull", "Yorkshire and the Humber", 53.745, -0.336),
    ("Newcastle upon Tyne", "North East", 54.978, -1.618),
    ("Durham", "North East", 54.776, -1.576),
    ("Birmingham", "West Midlands", 52.486, -1.890),
    ("Coventry", "West Midlands", 52.406, -1.512),
    ("Nottingham", "East Midlands", 52.954, -1.158),
    ("Leicester", "East Midlands", 52.637, -1.139),
    ("Norwich", "East of England", 52.630, 1.297),
    ("Cambridge", "East of England", 52.205, 0.122),
    ("Bristol", "South West", 51.455, -2.588),
    ("Bristol", "South West", 51.455, -2.588),
    ("Exeter", "South West", 50.718, -3.534),
    ("Plymouth", "South West", 50.375, -4.143),
    ("Brighton", "South East", 50.822, -0.137),
    ("Oxford", "South East", 51.752, -1.258),
    ("Southampton", "South East", 50.910, -1.404),
    ("Cardiff", "Wales", 51.481, -3.179),
    ("Swansea", "Wales", 51.621, -3.944),
    ("Aberystwyth", "Wales", 52.415, -4.083),
    ("Glasgow", "Scotland", 55.864, -4.252),
    ("Edinburgh", "Scotland", 55.953, -3.189),
    ("Aberdeen", "Scotland", 57.150, -2.094),
    ("Dundee", "Scotland", 56.462, -2.971),
    ("Belfast", "Northern Ireland", 54.597, -5.930),
];

/// Given names.
pub const GIVEN: &[&str] = &[
    "Ada", "Alan", "Amara", "Ben", "Bilal", "Carys", "Chen", "Chloe", "Dafydd", "Deepa", "Eilidh",
    "Emeka", "Fatima", "Finn", "Grace", "Hamza", "Hana", "Iain", "Ife", "Isla", "Jamal", "Jo",
    "Kai", "Kemi", "Leah", "Luca", "Maya", "Mohammed", "Niamh", "Noor", "Olu", "Priya", "Rhys",
    "Rosa", "Sam", "Sian", "Tariq", "Tom", "Una", "Wei", "Yusuf", "Zara",
];

/// Family names.
pub const FAMILY: &[&str] = &[
    "Ahmed",
    "Baker",
    "Begum",
    "Campbell",
    "Chowdhury",
    "Davies",
    "Edwards",
    "Evans",
    "Fraser",
    "Green",
    "Hughes",
    "Jones",
    "Kaur",
    "Khan",
    "Lewis",
    "MacLeod",
    "Morgan",
    "Murphy",
    "Nguyen",
    "Okafor",
    "Patel",
    "Price",
    "Roberts",
    "Robertson",
    "Shah",
    "Singh",
    "Smith",
    "Taylor",
    "Thomas",
    "Walker",
    "Williams",
    "Wilson",
    "Wright",
    "Young",
];

/// Words co-op names are made of.
pub const NAME_WORDS: &[&str] = &[
    "Agile",
    "Acorn",
    "Beehive",
    "Bramble",
    "Common",
    "Compass",
    "Dandelion",
    "Ember",
    "Fern",
    "Field",
    "Harbour",
    "Hive",
    "Kindling",
    "Lantern",
    "Loom",
    "Meadow",
    "Mill",
    "Orchard",
    "Pebble",
    "Quarry",
    "River",
    "Rook",
    "Shoal",
    "Signal",
    "Spindle",
    "Sprout",
    "Thistle",
    "Tidal",
    "Wharf",
    "Willow",
];

/// What comes after the words.
pub const NAME_ENDINGS: &[&str] = &[
    "Digital",
    "Tech",
    "Labs",
    "Systems",
    "Works",
    "Studio",
    "Collective",
    "Code",
    "Software",
];

/// Roles people and offers are described with.
pub const ROLES: &[&str] = &[
    "developer",
    "engineer",
    "designer",
    "consultant",
    "researcher",
    "architect",
    "facilitator",
    "trainer",
    "analyst",
];

/// Common Procurement Vocabulary codes of IT and digital work.
pub const CPV: &[&str] = &[
    "72000000", "72200000", "72212000", "72260000", "72300000", "72400000", "72413000", "79340000",
    "79400000", "48000000", "73000000", "80500000",
];

/// Buyers of tenders.
pub const BUYERS: &[&str] = &[
    "City Council",
    "NHS Trust",
    "Housing Association",
    "University",
    "Combined Authority",
    "Museum Trust",
    "Community Foundation",
];

/// One item of `items`, uniformly.
pub fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Index of a skill of the vocabulary on a long tail: the cube of a uniform
/// number, so the first tenth of the vocabulary takes almost half the picks.
pub fn skill_index(rng: &mut StdRng) -> usize {
    let u: f64 = rng.random();
    // Truncation is the point: a position in the vocabulary.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let at = (u.powi(3) * SEED.len() as f64) as usize;
    at.min(SEED.len() - 1)
}

/// Between `min` and `max` distinct skill names, on the long tail.
pub fn skills(rng: &mut StdRng, min: usize, max: usize) -> Vec<&'static str> {
    let wanted = rng.random_range(min..=max);
    let mut chosen: Vec<&'static str> = Vec::with_capacity(wanted);
    while chosen.len() < wanted {
        let name = SEED[skill_index(rng)].name;
        if !chosen.contains(&name) {
            chosen.push(name);
        }
    }
    chosen
}

/// A point near `town`: up to about 10 km away.
pub fn near(rng: &mut StdRng, town: &Town) -> (f64, f64) {
    (
        town.2 + rng.random_range(-0.09..0.09),
        town.3 + rng.random_range(-0.14..0.14),
    )
}
