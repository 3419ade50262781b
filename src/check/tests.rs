//! Unit tests: one or more per check, on models written in the YAML form.
#![allow(clippy::unwrap_used, clippy::panic, clippy::format_push_string)]

use crate::diagnostic::Diagnostic;
use crate::engine;
use crate::span::SourceFile;

/// A complete, clean policy; tests append to it or replace lines in it.
const BASE: &str = r"
policies:
- name: main
  title: Example
  discuri: https://www.example.com/privacy
  access: all
  entity:
    name: Example, Inc.
    email: privacy@example.com
  subjects:
  - name: visitors
  recipients:
  - name: processor
    kind: ours
  datasets:
  - name: contact
    items:
    - data: !schema user.home-info.online.email
  statements:
  - name: orders
    subjects: [visitors]
    data:
    - !set {name: contact}
    purposes:
    - purpose: current
    recipients:
    - name: processor
    retention:
      value: stated-purpose
      period: while the order is open
";

fn run(yaml: &str) -> Vec<Diagnostic> {
    let c = engine::compile(&SourceFile::new("t.yaml", yaml));
    assert!(c.model.is_some(), "YAML did not load: {:?}", c.diagnostics);
    c.diagnostics
}

fn ids(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code.id()).collect()
}

/// BASE with `extra` appended under the policy (indented two spaces).
fn with(extra: &str) -> String {
    let mut s = BASE.to_string();
    for line in extra.trim_matches('\n').lines() {
        s.push_str("  ");
        s.push_str(line);
        s.push('\n');
    }
    s
}

fn find<'a>(diags: &'a [Diagnostic], id: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.code.id() == id)
        .unwrap_or_else(|| panic!("no {id} in {:?}", ids(diags)))
}

#[test]
fn base_policy_is_clean() {
    assert_eq!(ids(&run(BASE)), Vec::<&str>::new());
}

// ---- references ----

#[test]
fn undefined_subject_suggests_the_closest() {
    let y = BASE.replace("subjects: [visitors]", "subjects: [visitor]");
    let d = run(&y);
    let r = find(&d, "R201");
    assert_eq!(r.message, "subject `visitor` is not defined");
    assert!(r
        .help
        .as_deref()
        .unwrap()
        .contains("did you mean `visitors`"));
    assert_eq!(r.target.as_deref(), Some("collect orders"));
}

#[test]
fn recipient_words_resolve_without_a_definition() {
    let y = BASE.replace(
        "    - name: processor\n  retention",
        "    - name: processor\n    - name: delivery\n  retention",
    );
    let y = y.replace(
        "    recipients:\n    - name: processor\n    retention",
        "    recipients:\n    - name: processor\n    - name: delivery\n    retention",
    );
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

#[test]
fn undefined_set_provider_statement_and_practice() {
    let y = with(
        r"
cookies:
- name: ads
  categories: [state]
  provider: adnet
retention:
- name: keep
  applies-to: [order]
  period: a year
opt-outs:
- name: stop
  how: click
  covers: [adz]
promises:
- name: pl
  says: x
  claim: !not-linked [user.nmae]
",
    );
    let y = y.replace("!set {name: contact}", "!set {name: contacts}");
    let d = run(&y);
    let msgs: Vec<&str> = d
        .iter()
        .filter(|d| d.code.id() == "R201")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        msgs.contains(&"data set `contacts` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"cookie provider `adnet` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"statement `order` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"statement, sharing rule or cookie `adz` is not defined"),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"data set or element `user.nmae` is not defined"),
        "{msgs:?}"
    );
}

#[test]
fn duplicates_are_reported_once_per_extra_definition() {
    let y = BASE.replace(
        "  subjects:\n  - name: visitors\n",
        "  subjects:\n  - name: visitors\n  - name: visitors\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["R202"]);
    assert_eq!(d[0].target.as_deref(), Some("subject visitors"));
}

#[test]
fn duplicate_policy_names() {
    let second = BASE.replace("policies:\n", "");
    let y = format!("{BASE}{second}");
    assert!(ids(&run(&y)).contains(&"R202"));
}

#[test]
fn unused_definitions_warn() {
    let y = with("subjects:\n- name: partners\n");
    let y = y.replace("  subjects:\n  - name: visitors\n", "");
    let y = y.replace(
        "  subjects:\n  - name: partners\n",
        "  subjects:\n  - name: visitors\n  - name: partners\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["R203"]);
    assert_eq!(d[0].target.as_deref(), Some("subject partners"));
    assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
}

// ---- P3P structure ----

#[test]
fn identifiable_statement_lists_every_missing_part() {
    let y = BASE.replace(
        "  statements:\n  - name: orders",
        "  statements:\n  - name: bare\n  - name: orders",
    );
    let d = run(&y);
    let p = find(&d, "P301");
    assert_eq!(
        p.message,
        "identifiable statement `bare` is missing purposes (`for`), recipients (`to`), retention (`retain`) and data (`data`)"
    );
    assert_eq!(p.target.as_deref(), Some("collect bare"));
}

#[test]
fn non_identifiable_statement_needs_nothing() {
    let y = BASE.replace(
        "  statements:\n  - name: orders",
        "  statements:\n  - name: bare\n    identifiable: false\n  - name: orders",
    );
    assert!(!ids(&run(&y)).contains(&"P301"));
}

#[test]
fn opt_out_needs_opturi_and_ours_cannot_choose() {
    let y = BASE.replace(
        "    - purpose: current\n",
        "    - purpose: current\n      required: opt-in\n    - purpose: contact\n      required: opt-out\n",
    )
    .replace("    - name: processor\n    retention", "    - name: processor\n      required: opt-in\n    retention");
    let d = run(&y);
    let codes = ids(&d);
    assert!(codes.contains(&"P302"), "{codes:?}");
    assert_eq!(
        codes.iter().filter(|c| **c == "P303").count(),
        2,
        "{codes:?}"
    );
    // adding opturi and an opt-out channel removes P302 and Q507
    let y = y.replace("  access: all\n", "  access: all\n  opturi: https://www.example.com/opt\n  opt-outs:\n  - name: all\n    how: write to us\n");
    let codes = ids(&run(&y));
    assert!(
        !codes.contains(&"P302") && !codes.contains(&"Q507"),
        "{codes:?}"
    );
}

#[test]
fn sharing_choice_needs_opturi() {
    let y = with("sharing:\n- name: partners\n  with: [processor]\n  choice: opt-out\n");
    assert!(ids(&run(&y)).contains(&"P302"));
}

#[test]
fn variable_and_custom_data_need_categories() {
    let y = BASE.replace(
        "    - data: !schema user.home-info.online.email\n",
        "    - data: !schema user.home-info.online.email\n    - data: !schema dynamic.miscdata\n    - data: !custom resume\n    - data: !custom ''\n      categories: [other-category]\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["P304", "P304", "P310"]);
    assert_eq!(d[0].target.as_deref(), Some("data contact"));
}

#[test]
fn linked_cookie_needs_purposes_and_retention() {
    let y = with("cookies:\n- name: sess\n  categories: [state]\n  linked: true\n");
    let d = run(&y);
    assert_eq!(ids(&d), vec!["P301"]);
    assert_eq!(
        d[0].message,
        "cookie `sess` is linked to identified people but is missing purposes (`for`) and retention (`retain`)"
    );
}

#[test]
fn cookie_without_categories() {
    let y = with("cookies:\n- name: session\n");
    let d = run(&y);
    assert_eq!(ids(&d), vec!["P304"]);
    assert_eq!(d[0].target.as_deref(), Some("cookie session"));
}

#[test]
fn entity_access_discuri_statements() {
    let y = BASE
        .replace("  discuri: https://www.example.com/privacy\n", "")
        .replace("  access: all\n", "")
        .replace("    email: privacy@example.com\n", "");
    let y = y.split("  statements:").next().unwrap().to_string();
    let codes = ids(&run(&y));
    for c in ["P305", "P306", "P307", "P308"] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
    let no_entity = BASE.replace(
        "  entity:\n    name: Example, Inc.\n    email: privacy@example.com\n",
        "",
    );
    let d = run(&no_entity);
    assert_eq!(find(&d, "P305").message, "policy `main` has no `entity`");
}

#[test]
fn other_purpose_needs_description() {
    let y = BASE.replace(
        "    - purpose: current\n",
        "    - purpose: current\n    - purpose: other-purpose\n",
    );
    assert_eq!(ids(&run(&y)), vec!["P309"]);
    let y = BASE.replace(
        "    - purpose: current\n",
        "    - purpose: current\n    - purpose: other-purpose\n      description: fraud checks\n",
    );
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

#[test]
fn policy_name_must_be_a_fragment() {
    for bad in ["'9lives'", "'main site'", "'caf\u{e9}'", "'a:b'"] {
        let y = BASE.replace("- name: main", &format!("- name: {bad}"));
        assert_eq!(ids(&run(&y)), vec!["P311"], "{bad}");
    }
    // An XML name, but not a file name for the HTML page: O101, not P311.
    let y = BASE.replace("- name: main", "- name: _main.v2-x");
    assert_eq!(ids(&run(&y)), vec!["O101"]);
    let y = BASE.replace("- name: main", "- name: main-v2_x");
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

#[test]
fn dispute_needs_service_and_expiry_below_a_day_warns() {
    let y = with("disputes:\n- resolution: service\n  service: ' '\nexpiry-seconds: 3600\n");
    let mut found = ids(&run(&y));
    found.sort_unstable();
    assert_eq!(found, vec!["P312", "P313"]);
    let y = with("expiry-seconds: 86400\n");
    assert_eq!(ids(&run(&y)), Vec::<&str>::new());
}

// ---- promises ----

/// BASE plus a third-party recipient, a sharing rule and the given promise lines.
fn promise(claim: &str, except: &str, share_extra: &str) -> String {
    let y = BASE.replace(
        "  - name: processor\n    kind: ours\n",
        "  - name: processor\n    kind: ours\n  - name: adnet\n    kind: unrelated\n",
    );
    let mut y = y;
    y.push_str(
        "  sharing:\n  - name: ads\n    with: [adnet]\n    data:\n    - !set {name: contact}\n",
    );
    for line in share_extra.lines().filter(|l| !l.is_empty()) {
        y.push_str("    ");
        y.push_str(line);
        y.push('\n');
    }
    y.push_str(&format!(
        "  promises:\n  - name: pr\n    says: We never do that.\n    claim: {claim}\n"
    ));
    if !except.is_empty() {
        y.push_str(&format!("    except: [{except}]\n"));
    }
    y
}

#[test]
fn share_with_third_party_breaks_no_third_party_sharing() {
    let d = run(&promise("no-third-party-sharing", "", ""));
    let c = find(&d, "C402");
    assert_eq!(c.target.as_deref(), Some("share ads"));
    assert!(c.message.contains("third party `adnet`"), "{}", c.message);
}

#[test]
fn basis_in_except_list_keeps_the_promise() {
    let d = run(&promise(
        "no-third-party-sharing",
        "legal-requirement",
        "basis: legal-requirement",
    ));
    assert!(!ids(&d).contains(&"C402"));
    let d = run(&promise(
        "no-third-party-sharing",
        "service-providers",
        "basis: legal-requirement",
    ));
    assert!(ids(&d).contains(&"C402"));
}

#[test]
fn aggregate_allows_only_non_identifiable_sharing() {
    // A flag cannot hide an email: the shared data itself must not identify.
    let d = run(
        &promise("no-third-party-sharing", "aggregate", "identifiable: false").replace(
            "user.home-info.online.email",
            "user.home-info.postal.postalcode",
        ),
    );
    assert!(!ids(&d).contains(&"C402"));
    let d = run(&promise(
        "no-third-party-sharing",
        "aggregate",
        "identifiable: false",
    ));
    assert!(ids(&d).contains(&"C402"));
    let d = run(&promise(
        "no-third-party-sharing",
        "",
        "identifiable: false",
    ));
    assert!(ids(&d).contains(&"C402"));
    let d = run(&promise("no-third-party-sharing", "aggregate", ""));
    assert!(ids(&d).contains(&"C402"));
}

#[test]
fn as_disclosed_cannot_be_broken_by_a_written_rule() {
    let d = run(&promise(
        "no-third-party-sharing",
        "as-disclosed",
        "sale: true",
    ));
    assert!(!ids(&d).contains(&"C402"));
    let d = run(&promise("no-sale", "as-disclosed", "sale: true"));
    assert!(!ids(&d).contains(&"C401"));
}

#[test]
fn statement_recipient_breaks_no_third_party_sharing_unless_consented() {
    let y = promise("no-third-party-sharing", "consent", "choice: opt-in").replace(
        "    - name: processor\n    retention",
        "    - name: processor\n    - name: adnet\n    retention",
    );
    let d = run(&y);
    let c = find(&d, "C402");
    assert_eq!(c.target.as_deref(), Some("collect orders"));
    let y = y.replace(
        "    - name: adnet\n    retention",
        "    - name: adnet\n      required: opt-in\n    retention",
    );
    assert!(!ids(&run(&y)).contains(&"C402"));
}

#[test]
fn sale_breaks_no_sale() {
    let d = run(&promise("no-sale", "", "sale: true"));
    assert_eq!(find(&d, "C401").target.as_deref(), Some("share ads"));
    let d = run(
        &promise("no-sale", "", "sale: true\nidentifiable: false").replace(
            "user.home-info.online.email",
            "user.home-info.postal.postalcode",
        ),
    );
    assert!(!ids(&d).contains(&"C401"));
    // Marked non-identifiable, but it shares an email address: still a sale.
    let d = run(&promise("no-sale", "", "sale: true\nidentifiable: false"));
    assert!(ids(&d).contains(&"C401"));
    let d = run(&promise(
        "no-sale",
        "business-transfer",
        "sale: true\nbasis: business-transfer",
    ));
    assert!(!ids(&d).contains(&"C401"));
}

#[test]
fn linked_and_cross_site_cookies() {
    let y = with(
        "cookies:\n- name: track\n  categories: [state]\n  linked: true\n  cross-site: true\npromises:\n- name: nl\n  says: Cookies are anonymous.\n  claim: cookies-not-linked\n- name: nx\n  says: No tracking.\n  claim: no-cross-site-tracking\n",
    );
    let d = run(&y);
    assert_eq!(find(&d, "C403").target.as_deref(), Some("cookie track"));
    assert_eq!(find(&d, "C404").target.as_deref(), Some("cookie track"));
}

#[test]
fn identifiable_statement_with_cookie_data_breaks_cookies_not_linked() {
    let y = with("promises:\n- name: nl\n  says: Cookies are anonymous.\n  claim: cookies-not-linked\n")
        .replace(
            "    - !set {name: contact}\n",
            "    - !set {name: contact}\n    - !item {data: !schema dynamic.cookies, categories: [state]}\n",
        );
    let d = run(&y);
    assert_eq!(find(&d, "C403").target.as_deref(), Some("collect orders"));
}

#[test]
fn notify_before_new_use_needs_email_and_prior_notice() {
    let p = "promises:\n- name: tell\n  says: We will email you first.\n  claim: notify-before-new-use\n";
    let d = run(&with(p));
    assert_eq!(find(&d, "C405").target.as_deref(), Some("promise tell"));
    let d = run(&with(&format!(
        "{p}changes:\n  notify: [site-notice]\n  before-effective: true\n"
    )));
    let c = find(&d, "C405");
    assert_eq!(c.target.as_deref(), Some("changes"));
    assert!(c.message.contains("`notify email`") && !c.message.contains("before-effective"));
    let d = run(&with(&format!("{p}changes:\n  notify: [email]\n")));
    assert!(find(&d, "C405")
        .message
        .contains("`before-effective` or `consent-for-new-uses`"));
    for ok in ["before-effective", "consent-for-new-uses"] {
        let d = run(&with(&format!(
            "{p}changes:\n  notify: [email]\n  {ok}: true\n"
        )));
        assert!(!ids(&d).contains(&"C405"), "{ok}");
    }
}

#[test]
fn not_linked_by_set_and_by_element_overlap() {
    for names in [
        "[contact]",
        "[user.home-info.online]",
        "[user.home-info.online.email]",
    ] {
        let y = with(&format!(
            "promises:\n- name: nl\n  says: x\n  claim: !not-linked {names}\n"
        ));
        let d = run(&y);
        assert_eq!(
            find(&d, "C406").target.as_deref(),
            Some("collect orders"),
            "{names}"
        );
    }
    let y = with("promises:\n- name: nl\n  says: x\n  claim: !not-linked [user.name]\n");
    assert!(!ids(&run(&y)).contains(&"C406"));
}

#[test]
fn no_identifiable_collection_from_subject() {
    let y = with(
        "promises:\n- name: kids\n  says: x\n  claim: !no-identifiable-collection [visitors]\n",
    );
    let d = run(&y);
    assert_eq!(find(&d, "C407").target.as_deref(), Some("collect orders"));
    let y = y.replace("    identifiable: true\n", "").replace(
        "      period: while the order is open\n",
        "      period: while the order is open\n    identifiable: false\n",
    );
    // Marked non-identifiable, but it collects an email address.
    assert!(ids(&run(&y)).contains(&"C407"));
    let y = y.replace(
        "user.home-info.online.email",
        "user.home-info.postal.postalcode",
    );
    assert!(!ids(&run(&y)).contains(&"C407"));
}

#[test]
fn only_stated_purpose() {
    let y = with("promises:\n- name: only\n  says: x\n  claim: only-stated-purpose\n  except: [consent]\n")
        .replace(
            "    - purpose: current\n",
            "    - purpose: current\n    - purpose: admin\n    - purpose: tailoring\n    - purpose: contact\n      required: opt-in\n",
        );
    let d = run(&y);
    let broken: Vec<&str> = d
        .iter()
        .filter(|d| d.code.id() == "C408")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("`tailoring`"));
}

// ---- internal sense ----

#[test]
fn historical_without_retention() {
    let y = BASE
        .replace(
            "    - purpose: current\n",
            "    - purpose: current\n    - purpose: historical\n",
        )
        .replace(
            "      value: stated-purpose\n      period: while the order is open\n",
            "      value: no-retention\n",
        );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["Q501"]);
}

#[test]
fn individual_purpose_on_non_identifiable_statement_and_unlinked_cookie() {
    let y = with("cookies:\n- name: prof\n  categories: [state]\n  purposes:\n  - purpose: individual-decision\n")
        .replace(
            "      period: while the order is open\n",
            "      period: while the order is open\n    identifiable: false\n",
        )
        .replace("    - purpose: current\n", "    - purpose: current\n    - purpose: individual-analysis\n");
    let d = run(&y);
    let mut targets: Vec<&str> = d
        .iter()
        .filter(|d| d.code.id() == "Q502")
        .filter_map(|d| d.target.as_deref())
        .collect();
    targets.sort_unstable();
    assert_eq!(targets, vec!["collect orders", "cookie prof"]);
    let share = with(
        "sharing:\n- name: scores\n  with: [processor]\n  identifiable: false\n  purposes:\n  - purpose: individual-decision\n",
    );
    assert_eq!(ids(&run(&share)), vec!["Q502"]);
}

#[test]
fn sensitive_data_needs_transport_encryption_covering_it() {
    let y = BASE.replace(
        "    - data: !schema user.home-info.online.email\n",
        "    - data: !schema user.home-info.online.email\n    - data: !custom card number\n      categories: [financial]\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["Q503"]);
    assert!(d[0].message.contains("financial"));
    let covered =
        with("security:\n- kind: transport-encryption\n  description: TLS\n  covers: [health]\n");
    let covered = covered.replace(
        "    - data: !schema user.home-info.online.email\n",
        "    - data: !schema user.home-info.online.email\n    - data: !custom card number\n      categories: [financial]\n",
    );
    assert_eq!(ids(&run(&covered)), vec!["Q503"]);
    let all = covered.replace("  covers: [health]\n", "");
    let all = all.replace("    covers: [health]\n", "");
    assert_eq!(ids(&run(&all)), Vec::<&str>::new());
}

#[test]
fn stated_purpose_needs_a_period_somewhere() {
    let y = BASE.replace("      period: while the order is open\n", "");
    let d = run(&y);
    assert_eq!(ids(&d), vec!["Q504"]);
    let rule = format!(
        "{y}  retention:\n  - name: keep\n    applies-to: [orders]\n    period: one year\n"
    );
    assert_eq!(ids(&run(&rule)), Vec::<&str>::new());
    let global = format!("{y}  retention:\n  - name: keep\n    period: one year\n");
    assert_eq!(ids(&run(&global)), Vec::<&str>::new());
}

#[test]
fn access_none_contradicts_access_right() {
    let y = with("rights:\n- kind: access\n  how: Email us\n")
        .replace("  access: all\n", "  access: none\n");
    let d = run(&y);
    assert_eq!(ids(&d), vec!["Q505"]);
    assert_eq!(d[0].target.as_deref(), Some("right access"));
}

#[test]
fn nonident_access_with_identifiable_statement() {
    let d = run(&BASE.replace("  access: all\n", "  access: nonident\n"));
    assert_eq!(ids(&d), vec!["Q510"]);
    assert_eq!(d[0].target.as_deref(), Some("collect orders"));
    let anonymous = BASE
        .replace("  access: all\n", "  access: nonident\n")
        .replace(
            "      period: while the order is open\n",
            "      period: while the order is open\n    identifiable: false\n",
        );
    assert_eq!(ids(&run(&anonymous)), vec!["F101", "Q510"]);
    let anonymous = anonymous.replace(
        "user.home-info.online.email",
        "user.home-info.postal.postalcode",
    );
    assert_eq!(ids(&run(&anonymous)), Vec::<&str>::new());
    // REC Example 3.1: identifiable clickstream data with `access nonident` is fine.
    let clickstream = BASE
        .replace("  access: all\n", "  access: nonident\n")
        .replace("user.home-info.online.email", "dynamic.clickstream");
    assert_eq!(ids(&run(&clickstream)), Vec::<&str>::new());
}

#[test]
fn third_party_cookie_provider_receives_its_data() {
    let y = promise("no-third-party-sharing", "", "basis: consent").replace(
        "  sharing:\n",
        "  cookies:\n  - name: ads\n    categories: [state]\n    party: third\n    provider: adnet\n  sharing:\n",
    );
    let d = run(&y);
    let targets: Vec<&str> = d
        .iter()
        .filter(|d| d.code.id() == "C402")
        .filter_map(|d| d.target.as_deref())
        .collect();
    assert!(targets.contains(&"cookie ads"), "{targets:?}");
}

#[test]
fn linked_cookie_but_cookies_collected_only_anonymously() {
    let y = with(
        "cookies:\n- name: sess\n  categories: [state]\n  linked: true\n  purposes:\n  - purpose: current\n  retention:\n    value: no-retention\n",
    )
    .replace(
        "  statements:\n",
        "  statements:\n  - name: cookies\n    identifiable: false\n    data:\n    - !item {data: !schema dynamic.cookies, categories: [state]}\n",
    );
    let d = run(&y);
    assert_eq!(ids(&d), vec!["Q506"]);
}

#[test]
fn contact_purpose_without_contact_data_and_right_without_means() {
    let y = BASE
        .replace("user.home-info.online.email", "user.bdate")
        .replace(
            "    - purpose: current\n",
            "    - purpose: current\n    - purpose: telemarketing\n",
        );
    let y = format!("{y}  rights:\n  - kind: deletion\n    how: ''\n");
    let d = run(&y);
    assert_eq!(ids(&d), vec!["Q508", "Q509"]);
}

// ---- acknowledgments ----

#[test]
fn acknowledgment_marks_the_finding_and_unmatched_ones_warn() {
    let y = BASE.replace("      period: while the order is open\n", "");
    let y = format!(
        "{y}  acknowledgments:\n  - code: q504\n    at: ' collect   orders '\n    reason: The source says so.\n  - code: C402\n    at: share x\n    reason: r\n  - code: Z999\n    at: policy main\n    reason: r\n"
    );
    let c = engine::compile(&SourceFile::new("t.yaml", y.as_str()));
    let q = find(&c.diagnostics, "Q504");
    assert_eq!(q.acknowledged.as_deref(), Some("The source says so."));
    assert!(!q.is_blocking_error());
    assert!(ids(&c.diagnostics).contains(&"A601"));
    assert!(ids(&c.diagnostics).contains(&"A602"));
    // The Q504 acknowledgment carries no fingerprint: it matches, with A604.
    assert!(ids(&c.diagnostics).contains(&"A604"));
    assert_eq!(ids(&c.diagnostics).len(), 4);
}

#[test]
fn findings_without_spans_fall_back_to_the_file_start() {
    // A model deserialized directly carries no origins (the YAML front end locates them).
    let y = BASE.replace("subjects: [visitors]", "subjects: [nobody]");
    let set: crate::model::PolicySet = yaml_serde::from_str(&y).unwrap();
    let d = crate::check::check(&set, &SourceFile::new("t.yaml", y.as_str()));
    let r = find(&d, "R201");
    let span = r.span.as_ref().unwrap();
    assert_eq!((span.line, span.col, &*span.path()), (1, 1, "t.yaml"));
}

// ---- locations in the policy language ----

fn run_policy(text: &str) -> Vec<Diagnostic> {
    engine::compile(&SourceFile::new("t.policy", text)).diagnostics
}

#[test]
fn undefined_names_in_lists_point_at_the_name() {
    let text = r#"policy shop {
  title "T"
  discuri "https://e.com/p"
  access all
  entity "E" {
    email "p@e.com"
  }
  subject customers "customer accounts"
  collect orders {
    text "from customer"
    data {
      custom "x" categories purchase
    }
    from customers,   # everyone
      customer
    for current
    to ours
    retain stated-purpose "a year"
  }
}
"#;
    let d = run_policy(text);
    let r = find(&d, "R201");
    let span = r.span.as_ref().unwrap();
    assert_eq!((span.line, span.col), (15, 7), "{r:?}");
    assert_eq!(&text[span.range()], "customer");
}

#[test]
fn acknowledgments_match_only_findings_of_their_own_policy() {
    let one = r#"policy NAME {
  title "T"
  discuri "https://e.com/p"
  access all
  entity "E" {
    email "p@e.com"
  }
  collect orders {
    data {
      custom "x" categories purchase
    }
    for current
    to ours
    retain stated-purpose
  }
ACK}
"#;
    let first = one.replace("NAME", "first").replace(
        "ACK",
        "  acknowledge Q504 at collect orders because \"r\"\n",
    );
    let second = one.replace("NAME", "second").replace("ACK", "");
    let c = engine::compile(&SourceFile::new("t.policy", format!("{first}{second}")));
    let q: Vec<bool> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "Q504")
        .map(|d| d.acknowledged.is_some())
        .collect();
    assert_eq!(q, vec![true, false], "{:?}", c.diagnostics);
}

// ---- fingerprints computed on demand ----

/// The checks as they ran before fingerprints were computed on demand: every
/// finding gets its flows and the fingerprint of its group.
fn check_eagerly(set: &crate::model::PolicySet, source: &SourceFile) -> Vec<Diagnostic> {
    let checked = super::Checked::run(set, source);
    let mut out = checked.diagnostics;
    for (index, cx) in checked.contexts.iter().enumerate() {
        let mine: Vec<usize> = (0..out.len())
            .filter(|i| out[*i].pending == Some(index))
            .collect();
        if let (Some(first), Some(last)) = (mine.first(), mine.last()) {
            super::fingerprint::assign_eagerly(cx, &mut out[*first..=*last]);
        }
    }
    for d in &mut out {
        d.pending = None;
    }
    out
}

/// `engine::compile_with` as it was: every finding fingerprinted, then
/// acknowledgments, sorting and the cap.
fn compile_eagerly(text: &str) -> Vec<Diagnostic> {
    let source = SourceFile::new("t.policy", text);
    let r = crate::resolve::resolve_source(&source);
    let set = r.set.as_ref().unwrap();
    let mut diagnostics = r.diagnostics.clone();
    let found = check_eagerly(set, &source);
    diagnostics.extend(found.into_iter().filter(|d| r.damage.keeps(d)));
    crate::check::apply_acknowledgments(set, &source, &mut diagnostics);
    crate::diagnostic::sort(&mut diagnostics);
    engine::cap_findings(&mut diagnostics);
    diagnostics
}

/// 130 sharing rules that each break two promises: 260 C402 findings, two per
/// rule (with other flows: each names its promise), so the cap of 200 falls
/// between the two findings at `share s99`. `acks` come before the rules, so
/// the findings about them are reported.
fn shares_breaking_two_promises(acks: &str) -> String {
    let mut s = String::from(
        r#"policy shop {
  title "T"
  discuri "https://e.com/p"
  access all
  entity "E" {
    email "p@e.com"
  }
  recipient brokers unrelated "Brokers"
  data contact "Contact" {
    user.name
    user.home-info.online.email
  }
  promise pa "We never share." {
    claim no-third-party-sharing
  }
  promise pb "We never share at all." {
    claim no-third-party-sharing
  }
"#,
    );
    s.push_str(acks);
    for i in 0..130 {
        s.push_str(&format!(
            "  share s{i} {{\n    with brokers\n    data contact\n    for current\n  }}\n"
        ));
    }
    s.push_str("}\n");
    s
}

fn fingerprint_at<'d>(diags: &'d [Diagnostic], code: &str, target: &str) -> Option<&'d str> {
    diags
        .iter()
        .find(|d| d.code.id() == code && d.target.as_deref() == Some(target))
        .and_then(|d| d.fingerprint.as_deref())
}

#[test]
fn fingerprints_on_demand_equal_those_computed_for_every_finding() {
    let text = shares_breaking_two_promises("");
    let eager = compile_eagerly(&text);
    let lazy = engine::compile(&SourceFile::new("t.policy", text.as_str())).diagnostics;
    assert_eq!(lazy, eager);
    // The reported finding at `share s99` is fingerprinted over the flows of
    // both findings there, the one cut by the cap included.
    let cut = lazy
        .iter()
        .filter(|d| d.target.as_deref() == Some("share s99"));
    assert_eq!(cut.count(), 1);
    assert_eq!(lazy.last().map(|d| d.code.id()), Some("S009"));
    let source = SourceFile::new("t.policy", text.as_str());
    let r = crate::resolve::resolve_source(&source);
    let set = r.set.as_ref().unwrap();
    let all = check_eagerly(set, &source);
    let s99 = fingerprint_at(&all, "C402", "share s99").unwrap();
    assert_eq!(fingerprint_at(&lazy, "C402", "share s99"), Some(s99));

    // Any cut: the first `n` findings get the fingerprints of every finding.
    let mut sorted = all.clone();
    crate::diagnostic::sort(&mut sorted);
    for n in (0..=sorted.len()).step_by(7).chain([199, 200, 201]) {
        let mut checked = super::Checked::run(set, &source);
        let mut found = std::mem::take(&mut checked.diagnostics);
        crate::diagnostic::sort(&mut found);
        checked.fingerprint_first(&mut found, n);
        let n = n.min(found.len());
        assert_eq!(found[..n], sorted[..n], "cut at {n}");
        assert!(found[n..].iter().all(|d| d.fingerprint.is_none()));
    }

    // Acknowledgments of a group cut in two by the cap, of one cut entirely,
    // a stale one and one without a fingerprint behave as before. The four
    // findings about them and P308 come first: the cap now falls between the
    // two findings at `share s97`.
    let s97 = fingerprint_at(&all, "C402", "share s97").unwrap();
    let s120 = fingerprint_at(&all, "C402", "share s120").unwrap();
    let acks = format!(
        "  acknowledge C402 at share s97 fingerprint {s97} because \"r\"\n  acknowledge C402 at share s120 fingerprint {s120} because \"r\"\n  acknowledge C402 at share s125 fingerprint 000000000000 because \"r\"\n  acknowledge C402 at share s5 because \"r\"\n  acknowledge C402 at share nothing because \"r\"\n  acknowledge C402 at share none because \"r\"\n"
    );
    let text = shares_breaking_two_promises(&acks);
    let eager = compile_eagerly(&text);
    let lazy = engine::compile(&SourceFile::new("t.policy", text.as_str())).diagnostics;
    assert_eq!(lazy, eager);
    let s97: Vec<&Diagnostic> = lazy
        .iter()
        .filter(|d| d.target.as_deref() == Some("share s97"))
        .collect();
    assert_eq!(s97.len(), 1);
    assert!(s97[0].acknowledged.is_some(), "{s97:?}");
    let about: Vec<(&str, Option<&str>)> = lazy
        .iter()
        .filter(|d| d.code.id().starts_with('A'))
        .map(|d| (d.code.id(), d.target.as_deref()))
        .collect();
    assert_eq!(
        about,
        vec![
            ("A603", Some("share s125")),
            ("A604", Some("share s5")),
            ("A601", Some("share nothing")),
            ("A601", Some("share none")),
        ]
    );
}
