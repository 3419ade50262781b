//! The legal items (`applies`, `representative`, `dpo`, `authority`, `transfer`,
//! `gpc`, `updated`, `minors`, `ccpa`; in practices `basis`, `condition`,
//! `sensitive`, `requirement`, `automated`, `source`, `disclosure`) as source.

use super::text::{quote, value, Lines};
use super::{entity_as, opt};
use crate::model::{LegalNotice, MinorConsent, PracticeLaw, Region, RequirementKind, SourceKind};
use crate::vocabulary::{LawTerm, Term};

fn list<T: LawTerm>(items: &[T]) -> String {
    items
        .iter()
        .map(|t| t.word())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The policy-level legal items.
pub(super) fn notice(l: &mut Lines, n: &LegalNotice) {
    if n.is_empty() {
        return;
    }
    l.blank();
    if !n.applies.is_empty() {
        l.line(&format!("applies {}", list(&n.applies)));
    }
    for r in &n.representatives {
        let region = match r.region {
            Region::Eu => "eu",
            Region::Uk => "uk",
        };
        entity_as(l, &format!("representative {region}"), &r.contact);
    }
    if let Some(d) = &n.dpo {
        entity_as(l, "dpo", d);
    }
    if let Some(a) = &n.authority {
        entity_as(l, "authority", a);
    }
    for t in &n.transfers {
        l.block(&format!("transfer {}", t.name), |l| {
            if !t.to.is_empty() {
                let to: Vec<String> = t.to.iter().map(|d| quote(d)).collect();
                l.line(&format!("to {}", to.join(", ")));
            }
            if !t.recipients.is_empty() {
                l.line(&format!("recipients {}", t.recipients.join(", ")));
            }
            if let Some(s) = t.safeguard {
                l.line(&format!("safeguard {}", s.word()));
            }
            opt(l, "copy", t.copy.as_ref());
            opt(l, "text", t.text.as_ref());
        });
    }
    if let Some(g) = n.gpc_honoured {
        l.line(if g {
            "gpc honoured"
        } else {
            "gpc not-honoured"
        });
    }
    if let Some(u) = &n.updated {
        l.line(&format!("updated {}", value(u)));
    }
    if let Some(m) = &n.minors {
        l.block("minors", |l| {
            l.line(if m.under_16 {
                "under-16 yes"
            } else {
                "under-16 no"
            });
            if let Some(c) = m.consent {
                let w = match c {
                    MinorConsent::Parental => "parental",
                    MinorConsent::OptIn => "opt-in",
                    MinorConsent::Both => "both",
                    MinorConsent::None => "none",
                };
                l.line(&format!("consent {w}"));
            }
            opt(l, "process", m.process.as_ref());
        });
    }
    if let Some(c) = &n.ccpa {
        l.block("ccpa", |l| {
            opt(l, "do-not-sell", c.do_not_sell.as_ref());
            opt(l, "limit-use", c.limit_use.as_ref());
            if let Some(u) = &c.sensitive_use {
                let w = if u.beyond { "beyond" } else { "permitted" };
                match &u.text {
                    Some(t) => l.line(&format!("sensitive-use {w} {}", quote(t))),
                    None => l.line(&format!("sensitive-use {w}")),
                }
            }
            if !c.methods.is_empty() {
                let m: Vec<String> = c.methods.iter().map(|m| quote(m)).collect();
                l.line(&format!("methods {}", m.join(", ")));
            }
            opt(l, "verification", c.verification.as_ref());
            opt(l, "agent", c.agent.as_ref());
            for i in &c.incentives {
                l.maybe_block(
                    &format!("incentive {} {}", i.name, quote(&i.summary)),
                    |l| {
                        opt(l, "terms", i.terms.as_ref());
                        opt(l, "value", i.value.as_ref());
                        opt(l, "join", i.join.as_ref());
                        opt(l, "withdraw", i.withdraw.as_ref());
                    },
                );
            }
        });
    }
}

/// The legal items of a `collect`, `cookie` or `share` block.
pub(super) fn practice(l: &mut Lines, p: &PracticeLaw) {
    for b in &p.bases {
        let mut s = String::from("basis");
        if let Some(purpose) = b.purpose {
            s.push(' ');
            s.push_str(purpose.word());
        }
        s.push(' ');
        s.push_str(b.basis.word());
        if let Some(i) = &b.interest {
            s.push(' ');
            s.push_str(&quote(i));
        }
        l.line(&s);
    }
    if !p.conditions.is_empty() {
        l.line(&format!("condition {}", list(&p.conditions)));
    }
    if !p.sensitive.is_empty() {
        l.line(&format!("sensitive {}", list(&p.sensitive)));
    }
    if let Some(r) = &p.requirement {
        let w = match r.kind {
            RequirementKind::Statutory => "statutory",
            RequirementKind::Contractual => "contractual",
            RequirementKind::ContractEntry => "contract-entry",
            RequirementKind::Voluntary => "voluntary",
        };
        match &r.consequence {
            Some(c) => l.line(&format!("requirement {w} {}", quote(c))),
            None => l.line(&format!("requirement {w}")),
        }
    }
    if let Some(a) = &p.automated {
        l.block("automated", |l| {
            opt(l, "logic", a.logic.as_ref());
            opt(l, "effects", a.effects.as_ref());
        });
    }
    if let Some(s) = &p.source {
        let w = match s.kind {
            SourceKind::ThirdParty => "third-party",
            SourceKind::Public => "public",
        };
        match &s.description {
            Some(d) => l.line(&format!("source {w} {}", quote(d))),
            None => l.line(&format!("source {w}")),
        }
    }
    if let Some(d) = p.disclosure {
        l.line(&format!("disclosure {}", d.word()));
    }
}
