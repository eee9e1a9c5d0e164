//! The built-in vocabulary: canonical technology, service and practice skills
//! with the other names people use for them. Written for coophub; the
//! aliases cover how the CoTech directory and its members spell things.

use super::SkillCategory::{self, Practice, Service, Technology};

/// One canonical skill of the built-in vocabulary.
#[derive(Debug, Clone, Copy)]
pub struct SeedSkill {
    /// Canonical slug.
    pub slug: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Kind of skill.
    pub category: SkillCategory,
    /// Other spellings and names that mean this skill.
    pub aliases: &'static [&'static str],
}

const fn skill(
    slug: &'static str,
    name: &'static str,
    category: SkillCategory,
    aliases: &'static [&'static str],
) -> SeedSkill {
    SeedSkill {
        slug,
        name,
        category,
        aliases,
    }
}

/// The built-in vocabulary, loaded into every new database.
pub const SEED: &[SeedSkill] = &[
    // Languages
    skill(
        "javascript",
        "JavaScript",
        Technology,
        &["js", "ecmascript", "es6", "es2015", "vanilla js"],
    ),
    skill("typescript", "TypeScript", Technology, &["ts"]),
    skill(
        "python",
        "Python",
        Technology,
        &["py", "python2", "python3"],
    ),
    skill("php", "PHP", Technology, &["php7", "php8"]),
    skill("ruby", "Ruby", Technology, &["rb"]),
    skill("java", "Java", Technology, &["jvm", "jdk"]),
    skill("kotlin", "Kotlin", Technology, &[]),
    skill("scala", "Scala", Technology, &[]),
    skill("clojure", "Clojure", Technology, &["clojurescript", "cljs"]),
    skill("elixir", "Elixir", Technology, &[]),
    skill("erlang", "Erlang", Technology, &["otp"]),
    skill("elm", "Elm", Technology, &[]),
    skill("haskell", "Haskell", Technology, &[]),
    skill("rust", "Rust", Technology, &["rustlang"]),
    skill("go", "Go", Technology, &["golang"]),
    skill("c", "C", Technology, &["ansi c"]),
    skill("cpp", "C++", Technology, &["cplusplus"]),
    skill("csharp", "C#", Technology, &["c sharp"]),
    skill(
        "dotnet",
        ".NET",
        Technology,
        &["net", "dot net", "asp.net", "dotnet core"],
    ),
    skill("swift", "Swift", Technology, &[]),
    skill("objective-c", "Objective-C", Technology, &["objc"]),
    skill("dart", "Dart", Technology, &[]),
    skill("r", "R", Technology, &["rlang", "r language"]),
    skill("julia", "Julia", Technology, &[]),
    skill("lua", "Lua", Technology, &[]),
    skill("perl", "Perl", Technology, &[]),
    skill(
        "bash",
        "Bash",
        Technology,
        &["gnu-bash", "shell", "shell scripting", "sh"],
    ),
    skill("sql", "SQL", Technology, &[]),
    skill(
        "html-css",
        "HTML & CSS",
        Technology,
        &["htmlcss", "html", "css", "html5", "css3"],
    ),
    skill("sass", "Sass", Technology, &["scss"]),
    skill("xml", "XML", Technology, &["xslt"]),
    skill("json-schema", "JSON Schema", Technology, &[]),
    skill(
        "rdf",
        "RDF",
        Technology,
        &["linked data", "sparql", "semantic web"],
    ),
    skill("graphql", "GraphQL", Technology, &[]),
    // Web frameworks and libraries
    skill("react", "React", Technology, &["reactjs", "react.js"]),
    skill("react-native", "React Native", Technology, &[]),
    skill("nextjs", "Next.js", Technology, &["next"]),
    skill("vue", "Vue.js", Technology, &["vuejs", "vue-js", "nuxt"]),
    skill(
        "angular",
        "Angular",
        Technology,
        &["angularjs", "angular-1-x"],
    ),
    skill("svelte", "Svelte", Technology, &["sveltekit"]),
    skill("jquery", "jQuery", Technology, &[]),
    skill("d3", "D3.js", Technology, &["d3js", "d3.js"]),
    skill("threejs", "three.js", Technology, &["three-js", "three"]),
    skill("nodejs", "Node.js", Technology, &["node", "node-js"]),
    skill(
        "express",
        "Express",
        Technology,
        &["express-js", "expressjs"],
    ),
    skill(
        "django",
        "Django",
        Technology,
        &["django-2", "django-3", "django rest framework", "drf"],
    ),
    skill("flask", "Flask", Technology, &[]),
    skill("fastapi", "FastAPI", Technology, &[]),
    skill(
        "ruby-on-rails",
        "Ruby on Rails",
        Technology,
        &["rails", "ror"],
    ),
    skill("laravel", "Laravel", Technology, &[]),
    skill("symfony", "Symfony", Technology, &[]),
    skill("yii", "Yii", Technology, &[]),
    skill("phoenix", "Phoenix", Technology, &[]),
    skill("spring", "Spring", Technology, &["spring boot"]),
    skill("flutter", "Flutter", Technology, &[]),
    skill("ionic", "Ionic", Technology, &[]),
    skill("tailwind", "Tailwind CSS", Technology, &["tailwindcss"]),
    skill("bootstrap", "Bootstrap", Technology, &[]),
    // Content management and platforms
    skill("wordpress", "WordPress", Technology, &["wp", "woocommerce"]),
    skill("drupal", "Drupal", Technology, &[]),
    skill("joomla", "Joomla", Technology, &[]),
    skill("magento", "Magento", Technology, &["adobe commerce"]),
    skill("shopify", "Shopify", Technology, &[]),
    skill("webflow", "Webflow", Technology, &[]),
    skill("wagtail", "Wagtail", Technology, &[]),
    skill("mediawiki", "MediaWiki", Technology, &["wiki"]),
    skill("moodle", "Moodle", Technology, &[]),
    skill("civicrm", "CiviCRM", Technology, &[]),
    skill("discourse", "Discourse", Technology, &[]),
    skill("phpbb", "phpBB", Technology, &[]),
    skill("nextcloud", "Nextcloud", Technology, &[]),
    skill("owncloud", "ownCloud", Technology, &[]),
    skill("matomo", "Matomo", Technology, &["piwik"]),
    skill("mailman", "Mailman", Technology, &[]),
    skill("mailcow", "mailcow", Technology, &[]),
    skill("rocket-chat", "Rocket.Chat", Technology, &["rocketchat"]),
    skill("mumble", "Mumble", Technology, &[]),
    skill("trac", "Trac", Technology, &[]),
    skill("sandstorm", "Sandstorm", Technology, &[]),
    skill("open-badges", "Open Badges", Technology, &[]),
    skill(
        "openstreetmap",
        "OpenStreetMap",
        Technology,
        &["open-street-map", "osm"],
    ),
    skill("google-maps", "Google Maps", Technology, &[]),
    skill(
        "invoiceplane",
        "InvoicePlane",
        Technology,
        &["invoice-plane"],
    ),
    skill("coop-cloud", "Co-op Cloud", Technology, &["abra"]),
    // Databases and data
    skill(
        "postgresql",
        "PostgreSQL",
        Technology,
        &["postgres", "psql", "pg", "postgis"],
    ),
    skill("mysql", "MySQL", Technology, &[]),
    skill("mariadb", "MariaDB", Technology, &[]),
    skill("sqlite", "SQLite", Technology, &[]),
    skill("mongodb", "MongoDB", Technology, &["mongo"]),
    skill("redis", "Redis", Technology, &[]),
    skill(
        "elasticsearch",
        "Elasticsearch",
        Technology,
        &["elastic", "opensearch"],
    ),
    skill(
        "sql-server",
        "SQL Server",
        Technology,
        &["mssql", "microsoft sql server"],
    ),
    skill("oracle", "Oracle Database", Technology, &["oracle db"]),
    skill("aws-redshift", "Amazon Redshift", Technology, &["redshift"]),
    skill("tableau", "Tableau", Technology, &[]),
    skill("ibm-cognos", "IBM Cognos", Technology, &["cognos"]),
    skill("gephi", "Gephi", Technology, &[]),
    // Infrastructure and operations
    skill("linux", "Linux", Technology, &["gnu/linux"]),
    skill("debian", "Debian", Technology, &[]),
    skill("ubuntu", "Ubuntu", Technology, &[]),
    skill(
        "centos",
        "CentOS",
        Technology,
        &["rhel", "red hat enterprise linux"],
    ),
    skill("freebsd", "FreeBSD", Technology, &["free-bsd"]),
    skill("openwrt", "OpenWrt", Technology, &[]),
    skill(
        "docker",
        "Docker",
        Technology,
        &["containers", "docker compose", "podman"],
    ),
    skill(
        "kubernetes",
        "Kubernetes",
        Technology,
        &["k8s", "kube", "helm"],
    ),
    skill("terraform", "Terraform", Technology, &["opentofu"]),
    skill("ansible", "Ansible", Technology, &[]),
    skill("nginx", "nginx", Technology, &[]),
    skill(
        "apache",
        "Apache HTTP Server",
        Technology,
        &["apache2", "httpd"],
    ),
    skill(
        "lets-encrypt",
        "Let's Encrypt",
        Technology,
        &["letsencrypt", "certbot"],
    ),
    skill(
        "aws",
        "Amazon Web Services",
        Technology,
        &["amazon web services", "ec2"],
    ),
    skill(
        "aws-lambda",
        "AWS Lambda",
        Technology,
        &["lambda", "serverless"],
    ),
    skill(
        "gcp",
        "Google Cloud",
        Technology,
        &["google cloud platform"],
    ),
    skill("azure", "Microsoft Azure", Technology, &[]),
    skill("xen", "Xen", Technology, &["xen-hypervisor"]),
    skill("icinga", "Icinga", Technology, &["nagios"]),
    skill("munin", "Munin", Technology, &[]),
    skill("prometheus", "Prometheus", Technology, &["grafana"]),
    skill("gitlab", "GitLab", Technology, &["gitlab ci"]),
    skill("git", "Git", Technology, &["github"]),
    // Design, media and print tools
    skill("figma", "Figma", Technology, &[]),
    skill("zeplin", "Zeplin", Technology, &[]),
    skill("invision", "InVision", Technology, &[]),
    skill("sketch", "Sketch", Technology, &[]),
    skill("photoshop", "Photoshop", Technology, &["adobe photoshop"]),
    skill(
        "illustrator",
        "Illustrator",
        Technology,
        &["adobe-illustrator", "adobe illustrator"],
    ),
    skill("indesign", "InDesign", Technology, &["adobe indesign"]),
    skill("lightroom", "Lightroom", Technology, &["adobe lightroom"]),
    skill(
        "premiere-pro",
        "Premiere Pro",
        Technology,
        &["adobe-premiere-pro", "premiere"],
    ),
    skill(
        "after-effects",
        "After Effects",
        Technology,
        &["adobe after effects"],
    ),
    skill("dreamweaver", "Dreamweaver", Technology, &[]),
    skill("maya", "Maya", Technology, &["autodesk maya"]),
    skill("blender", "Blender", Technology, &[]),
    skill("unity", "Unity", Technology, &["unity-3d", "unity3d"]),
    skill("godot", "Godot", Technology, &[]),
    skill("unreal", "Unreal Engine", Technology, &["ue4", "ue5"]),
    skill("fmod", "FMOD", Technology, &[]),
    skill("wwise", "Wwise", Technology, &[]),
    skill("risograph", "Risograph", Technology, &["riso"]),
    skill("heidelberg", "Heidelberg presses", Technology, &[]),
    skill(
        "tharstern",
        "Tharstern print management",
        Technology,
        &["tharstern-print-management"],
    ),
    skill("preps", "Kodak Preps", Technology, &[]),
    // Services
    skill(
        "web-development",
        "Web development",
        Service,
        &[
            "development",
            "web",
            "websites",
            "web apps",
            "web applications",
            "web dev",
        ],
    ),
    skill("web-design", "Web design", Service, &["website design"]),
    skill(
        "app-development",
        "Mobile app development",
        Service,
        &["apps", "mobile apps", "ios", "android"],
    ),
    skill(
        "ecommerce",
        "E-commerce",
        Service,
        &["e-commerce", "online shop"],
    ),
    skill(
        "ux-design",
        "User experience design",
        Service,
        &[
            "user-experience",
            "ux",
            "ui",
            "ui design",
            "interaction design",
        ],
    ),
    skill(
        "user-research",
        "User research",
        Service,
        &["design research"],
    ),
    skill(
        "user-testing",
        "User testing",
        Service,
        &["usability testing"],
    ),
    skill("service-design", "Service design", Service, &[]),
    skill(
        "prototyping",
        "Prototyping",
        Service,
        &["rapid-application-development", "rapid prototyping"],
    ),
    skill("graphic-design", "Graphic design", Service, &["artwork"]),
    skill(
        "branding",
        "Branding and identity",
        Service,
        &[
            "branding-and-identity",
            "brand identity",
            "logo-design",
            "logo design",
        ],
    ),
    skill("illustration", "Illustration", Service, &[]),
    skill(
        "animation",
        "Animation",
        Service,
        &["motion-graphics", "motion graphics"],
    ),
    skill(
        "film",
        "Film and video",
        Service,
        &["video production", "video"],
    ),
    skill("photography", "Photography", Service, &[]),
    skill(
        "game-design",
        "Game design",
        Service,
        &["game development", "games"],
    ),
    skill(
        "extended-reality",
        "Virtual, augmented and mixed reality",
        Service,
        &[
            "virtual-reality",
            "augmented-reality",
            "mixed-reality",
            "vr",
            "ar",
            "xr",
        ],
    ),
    skill(
        "3d-websites",
        "3D for the web",
        Service,
        &["3d websites", "webgl"],
    ),
    skill(
        "data-visualisation",
        "Data visualisation",
        Service,
        &["data visualization", "dataviz"],
    ),
    skill(
        "data-science",
        "Data science",
        Service,
        &["big-data", "big data", "data analysis"],
    ),
    skill(
        "machine-learning",
        "Machine learning",
        Service,
        &[
            "ml",
            "ai",
            "artificial intelligence",
            "custom ai applications",
        ],
    ),
    skill("analytics", "Analytics", Service, &["web analytics"]),
    skill(
        "seo",
        "Search engine optimisation",
        Service,
        &["seo-optimisation", "search engine optimization"],
    ),
    skill("marketing", "Marketing", Service, &["digital marketing"]),
    skill(
        "copywriting",
        "Copywriting and translation",
        Service,
        &[
            "copywriting-and-translation",
            "translation",
            "content writing",
        ],
    ),
    skill(
        "hosting",
        "Hosting",
        Service,
        &[
            "web hosting",
            "cloud hosting",
            "virtual-servers",
            "virtual servers",
        ],
    ),
    skill(
        "sysadmin",
        "Systems administration",
        Service,
        &["system administration", "server administration"],
    ),
    skill(
        "devops",
        "DevOps",
        Service,
        &[
            "ci/cd",
            "continuous integration",
            "site reliability engineering",
            "sre",
        ],
    ),
    skill(
        "it-security",
        "IT security",
        Service,
        &["security", "cyber security", "cybersecurity", "infosec"],
    ),
    skill(
        "email-services",
        "Email services",
        Service,
        &["email", "mail hosting"],
    ),
    skill("domain-names", "Domain names", Service, &["domains", "dns"]),
    skill(
        "broadband",
        "Broadband and networking",
        Service,
        &["networking"],
    ),
    skill(
        "database-solutions",
        "Database solutions",
        Service,
        &["databases"],
    ),
    skill(
        "data-standards",
        "Data standards",
        Service,
        &["open data", "open standards"],
    ),
    skill(
        "business-systems",
        "Business systems",
        Service,
        &["crm", "erp", "cms / crm design and development"],
    ),
    skill(
        "business-analysis",
        "Business analysis",
        Service,
        &["requirements analysis"],
    ),
    skill(
        "document-repositories",
        "Document repositories",
        Service,
        &["document management"],
    ),
    skill("consultancy", "Consultancy", Service, &["consulting"]),
    skill(
        "strategy",
        "Digital strategy",
        Service,
        &["digital strategy"],
    ),
    skill("research", "Research", Service, &[]),
    skill(
        "printing",
        "Printing",
        Service,
        &[
            "print",
            "print production",
            "reprographics",
            "risograph printing",
        ],
    ),
    skill(
        "print-finishing",
        "Print finishing",
        Service,
        &["binding-and-special-effects", "binding"],
    ),
    skill(
        "mailing",
        "Mailing and distribution",
        Service,
        &["distribution", "fulfilment"],
    ),
    skill(
        "exhibition-and-display",
        "Exhibition and display",
        Service,
        &["signage"],
    ),
    skill(
        "learning-platforms",
        "Learning platforms",
        Service,
        &["e-learning", "elearning", "lms"],
    ),
    skill(
        "complex-data-integrations",
        "Data integrations",
        Service,
        &["data integration", "integrations", "api integration"],
    ),
    // Practices
    skill(
        "accessibility",
        "Accessibility",
        Practice,
        &["a11y", "wcag", "inclusive design", "accessibility audit"],
    ),
    skill("agile", "Agile", Practice, &["scrum", "kanban"]),
    skill(
        "design-thinking",
        "Design thinking",
        Practice,
        &["design sprints", "design sprint"],
    ),
    skill("ideation", "Ideation", Practice, &[]),
    skill(
        "discovery",
        "Discovery",
        Practice,
        &["discovery phase", "alpha", "beta"],
    ),
    skill(
        "workshop-facilitation",
        "Workshop facilitation",
        Practice,
        &["facilitation", "workshops"],
    ),
    skill(
        "community-building",
        "Community building",
        Practice,
        &["community management"],
    ),
    skill("mentoring", "Mentoring", Practice, &["coaching"]),
    skill(
        "leadership-development",
        "Leadership development",
        Practice,
        &[],
    ),
    skill(
        "training",
        "Training",
        Practice,
        &["teaching", "print-seminars-and-consulting"],
    ),
    skill(
        "project-management",
        "Project management",
        Practice,
        &["delivery management", "prince2"],
    ),
    skill(
        "product-management",
        "Product management",
        Practice,
        &["product ownership"],
    ),
    skill(
        "technical-writing",
        "Technical writing",
        Practice,
        &["documentation"],
    ),
    skill(
        "open-source",
        "Open source",
        Practice,
        &["foss", "free software", "floss"],
    ),
    skill(
        "test-automation",
        "Test automation",
        Practice,
        &["automated testing", "tdd", "qa", "quality assurance"],
    ),
    skill(
        "co-operative-governance",
        "Co-operative governance",
        Practice,
        &["sociocracy", "consent decision making"],
    ),
    skill(
        "environmental-management",
        "Environmental management",
        Practice,
        &["iso14001-environmental-management", "iso 14001"],
    ),
    skill(
        "gdpr",
        "Data protection",
        Practice,
        &["data protection", "privacy"],
    ),
];

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::skills::skill_key;

    #[test]
    fn the_seed_is_large_and_every_key_names_one_skill() {
        assert!(SEED.len() >= 150, "only {} skills", SEED.len());
        let mut owners: HashMap<String, &str> = HashMap::new();
        for skill in SEED {
            assert_eq!(
                crate::skills::slugify(skill.slug),
                skill.slug,
                "slug {}",
                skill.slug
            );
            for spelling in std::iter::once(&skill.slug)
                .chain(std::iter::once(&skill.name))
                .chain(skill.aliases)
            {
                let key = skill_key(spelling);
                if let Some(previous) = owners.insert(key.clone(), skill.slug) {
                    assert_eq!(
                        previous, skill.slug,
                        "{spelling:?} (key {key}) names both {previous} and {}",
                        skill.slug
                    );
                }
            }
        }
    }
}
