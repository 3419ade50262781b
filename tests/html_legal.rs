//! The notice's legal contents agree with the facts the checks use: the legal
//! ground shown for every use of every practice is the one derived here from
//! the facts (every practice's purposes) and the model's `basis` lines (a
//! sharing rule's `consent` / `legal-requirement` exception counting as the
//! consent / legal-obligation ground, as the GDPR pack reads it); transfers,
//! representatives and the California links are all shown.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod html_support;

use policyc::emit::html::catalog::{self, Catalog};
use policyc::emit::EmitOptions;
use policyc::facts::{self, PracticeKind};
use policyc::model::{Exception, Policy, PracticeLaw};
use policyc::vocabulary::{reader, LawTerm, LegalBasis, Purpose, Term};
use std::collections::BTreeSet;

fn files() -> Vec<String> {
    let mut files = html_support::fixtures("policies");
    files.extend(html_support::fixtures("examples"));
    files.extend(html_support::fixtures("tests/fixtures/html-examples"));
    files.extend(html_support::fixtures("tests/fixtures/laws"));
    files.push("tests/fixtures/html-changed/new.policy".to_string());
    files.retain(|f| !f.contains("/ci/"));
    files
}

fn law_label<T: LawTerm>(cat: &Catalog, t: T) -> String {
    cat.msg(&reader::law_message_id(t))
}

/// (practice anchor, use, ground) for every use with a ground, from the facts
/// and the model.
fn expected(cat: &Catalog, policy: &Policy) -> BTreeSet<(String, String, String)> {
    let facts = facts::derive_policy(policy);
    let mut out = BTreeSet::new();
    for p in &facts.practices {
        let (anchor, law, exception): (String, &PracticeLaw, Option<Exception>) = match p.kind {
            PracticeKind::Statement => {
                let i = policy
                    .statements
                    .iter()
                    .position(|s| s.name == p.name)
                    .unwrap();
                (
                    format!("#collect-{}", i + 1),
                    &policy.statements[i].legal,
                    None,
                )
            }
            PracticeKind::Cookie => {
                let i = policy
                    .cookies
                    .iter()
                    .position(|c| c.name == p.name)
                    .unwrap();
                (format!("#cookie-{}", i + 1), &policy.cookies[i].legal, None)
            }
            PracticeKind::Sharing => {
                let i = policy
                    .sharing
                    .iter()
                    .position(|s| s.name == p.name)
                    .unwrap();
                (
                    format!("#share-{}", i + 1),
                    &policy.sharing[i].legal,
                    policy.sharing[i].basis,
                )
            }
            PracticeKind::Retention => continue,
        };
        for u in &p.purposes {
            let basis = law
                .basis_for(u.purpose)
                .map(|b| b.basis)
                .or(match exception {
                    Some(Exception::Consent) => Some(LegalBasis::Consent),
                    Some(Exception::LegalRequirement) => Some(LegalBasis::LegalObligation),
                    _ => None,
                });
            if let Some(b) = basis {
                out.insert((
                    anchor.clone(),
                    cat.msg(&reader::message_id(u.purpose)),
                    law_label(cat, b),
                ));
            }
        }
    }
    out
}

/// (practice anchor, use, ground) as the page's `#legal` part shows them.
fn shown(html: &str) -> BTreeSet<(String, String, String)> {
    let mut out = BTreeSet::new();
    let Some(start) = html.find("<details id=\"legal\"") else {
        return out;
    };
    let part = &html[start..start + html[start..].find("</details>").unwrap()];
    for section in part.split("<section class=\"ground\"").skip(1) {
        let h = &section[section.find("<h4 ").unwrap()..];
        let h = &h[h.find('>').unwrap() + 1..];
        let purpose = h[..h.find("</h4>").unwrap()].to_string();
        for li in section.split("<li>").skip(1) {
            let anchor = li
                .strip_prefix("<a href=\"")
                .map(|r| r[..r.find('"').unwrap()].replace("&#x2f;", "/"))
                .unwrap_or_default();
            let b = li.split("<strong>").nth(1).unwrap();
            let basis = b[..b.find("</strong>").unwrap()].to_string();
            out.insert((anchor, purpose.clone(), basis));
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace("&#x2f;", "/")
}

#[test]
fn every_ground_on_the_page_is_the_one_the_facts_give() {
    let mut with_grounds = 0;
    for file in files() {
        let mut set = html_support::model(&file);
        for lang in catalog::languages() {
            let cat = catalog::for_tag(lang).unwrap();
            for p in &mut set.policies {
                p.language = Some(lang.to_string());
            }
            let pages = html_support::render(&set, &EmitOptions::default());
            for (policy, out) in set.policies.iter().zip(pages) {
                let html = unescape(&String::from_utf8(out.bytes).unwrap());
                let want: BTreeSet<_> = expected(cat, policy)
                    .into_iter()
                    .map(|(a, u, b)| (a, unescape(&u), unescape(&b)))
                    .collect();
                let got = shown(&html);
                assert_eq!(got, want, "{file} ({lang}) {}", policy.name);
                if !want.is_empty() {
                    with_grounds += 1;
                    // The first screen names the grounds of each use.
                    for (_, _, basis) in &want {
                        let ess = &html[html.find("id=\"essentials\"").unwrap()
                            ..html.find("id=\"label\"").unwrap()];
                        assert!(ess.contains(basis.as_str()), "{file} ({lang}): {basis}");
                    }
                }
            }
        }
    }
    assert!(
        with_grounds >= 6,
        "the GDPR examples show grounds ({with_grounds})"
    );
}

#[test]
fn legitimate_interests_transfers_and_representatives_are_spelled_out() {
    for file in files() {
        let set = html_support::model(&file);
        let cat = catalog::for_tag("en").unwrap();
        let pages = html_support::render(&set, &EmitOptions::default());
        for (policy, out) in set.policies.iter().zip(pages) {
            let html = unescape(&String::from_utf8(out.bytes).unwrap());
            for practice in policy
                .statements
                .iter()
                .map(|s| &s.legal)
                .chain(policy.cookies.iter().map(|c| &c.legal))
                .chain(policy.sharing.iter().map(|s| &s.legal))
            {
                for b in &practice.bases {
                    if let (LegalBasis::LegitimateInterests, Some(i)) = (b.basis, &b.interest) {
                        assert!(
                            html.contains(&format!(
                                "The interest we pursue: <bdi>{}</bdi>",
                                unescape(i)
                            )),
                            "{file}: interest {i:?}"
                        );
                    }
                }
            }
            for (n, t) in policy.legal.transfers.iter().enumerate() {
                let id = format!("id=\"transfer-{}\"", n + 1);
                let at = html.find(&id).unwrap_or_else(|| panic!("{file}: {id}"));
                let section = &html[at..at + html[at..].find("</section>").unwrap()];
                for to in &t.to {
                    assert!(section.contains(&unescape(to)), "{file}: {to}");
                }
                if let Some(s) = t.safeguard {
                    assert!(
                        section.contains(&unescape(&law_label(cat, s))),
                        "{file}: {s:?}"
                    );
                }
                if let Some(c) = &t.copy {
                    assert!(
                        section.contains(&unescape(c).replace("mailto:", "")),
                        "{file}: {c}"
                    );
                }
            }
            for r in &policy.legal.representatives {
                assert!(
                    html.contains(&unescape(&r.contact.name)),
                    "{file}: representative"
                );
            }
            if let Some(c) = &policy.legal.ccpa {
                if c.do_not_sell.is_some() {
                    let ess = &html[..html.find("id=\"label\"").unwrap()];
                    assert!(
                        ess.contains("Do Not Sell or Share My Personal Information"),
                        "{file}: the link is on the first screen"
                    );
                }
                if c.limit_use.is_some() {
                    assert!(html.contains("Limit the Use of My Sensitive Personal Information"));
                }
            }
        }
    }
}

#[test]
fn a_sharing_consent_exception_is_the_consent_ground_and_a_representative_shows() {
    let text = r#"
policy main {
  title "T"
  applies gdpr
  entity "Example Inc." {
    email "privacy@example.com"
    postal {
      country "United States"
    }
  }
  representative eu "Example EU Rep GmbH" {
    email "rep@example.eu"
  }
  authority "CNIL" {
    url "https://www.cnil.fr/"
  }
  recipient partner unrelated "A research partner"
  collect survey {
    data user.home-info.online.email
    for develop
    basis legitimate-interests "improving our products"
    requirement voluntary
    retain stated-purpose "one year"
  }
  share research {
    with partner
    for develop
    basis consent
    choice opt-in
  }
  right objection "Email privacy@example.com."
  right withdraw-consent "Email privacy@example.com."
}
"#;
    let c = policyc::engine::compile(&policyc::span::SourceFile::new("t.policy", text));
    let set = c
        .model
        .unwrap_or_else(|| panic!("resolves: {:#?}", c.diagnostics));
    let html = unescape(
        &String::from_utf8(
            html_support::render(&set, &EmitOptions::default())[0]
                .bytes
                .clone(),
        )
        .unwrap(),
    );
    let got = shown(&html);
    assert!(
        got.contains(&(
            "#share-1".to_string(),
            "Improving our services".to_string(),
            "Your consent".to_string()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "#collect-1".to_string(),
            "Improving our services".to_string(),
            "Our legitimate interests".to_string()
        )),
        "{got:?}"
    );
    assert!(html.contains("Our representative in the EU: <bdi>Example EU Rep GmbH</bdi>"));
    assert!(html.contains(
        "The interest we pursue: <bdi>improving our products</bdi>. <a href=\"#right-1\">"
    ));
    assert!(html.contains("<a href=\"#right-2\">How to withdraw your consent</a>"));
}

#[test]
fn every_legal_term_has_reader_wording_in_every_language() {
    fn check<T: LawTerm>(cat: &Catalog) {
        for t in T::ALL {
            let id = reader::law_message_id(*t);
            assert!(cat.has(&id), "{}: {id}", cat.lang);
            assert!(
                cat.has(&format!("{id}.description")),
                "{}: {id}.description",
                cat.lang
            );
        }
    }
    for lang in catalog::languages() {
        let cat = catalog::for_tag(lang).unwrap();
        check::<policyc::vocabulary::Law>(cat);
        check::<LegalBasis>(cat);
        check::<policyc::vocabulary::Art9Condition>(cat);
        check::<policyc::vocabulary::Safeguard>(cat);
        check::<policyc::vocabulary::Disclosure>(cat);
        check::<policyc::vocabulary::CcpaCategory>(cat);
        check::<policyc::vocabulary::RightKind>(cat);
    }
    // Purposes have reader wording too (the uses the grounds are grouped by).
    assert!(Purpose::ALL.len() > 10);
}
