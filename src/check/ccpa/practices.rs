//! Per-practice CCPA items: categories (§ 1798.130(a)(5)(B)(i), (c)), sources,
//! purposes, third parties, disclosures, retention (§ 1798.100(a)(3)).

use super::flows::{retention_stated, Kind, Practice};
use crate::check::context::Context;
use crate::diagnostic::{Code, Diagnostic};
use crate::vocabulary::{self, Recipient};

#[allow(clippy::too_many_lines)] // one block per notice item
pub(super) fn check(cx: &Context<'_>, practices: &[Practice<'_>], out: &mut Vec<Diagnostic>) {
    for pr in practices.iter().filter(|pr| pr.identifiable) {
        let target = pr.target();
        for d in &pr.fact.data {
            let cats = &d.categories;
            let mapped = match d.leaf.element() {
                Some(e) => vocabulary::ccpa_for_element(e, cats),
                None => cats
                    .iter()
                    .flat_map(|c| vocabulary::ccpa_for_category(*c).iter().copied())
                    .collect(),
            };
            if mapped.is_empty() {
                out.push(
                    cx.diag(
                        Code::CcpaCategoryUnmapped,
                        format!("data in {target} falls under no CCPA category of personal information (§ 1798.130(c))"),
                        &[&d.origin, pr.origin],
                    )
                    .help("add a P3P category that says what it is (e.g. `categories other-category, purchase`); the mapping is in src/vocabulary/law_mappings.rs")
                    .target(target.clone()),
                );
            }
        }
        if let Some(s) = &pr.law.source {
            if s.description.as_deref().is_none_or(|t| t.trim().is_empty()) {
                out.push(
                    cx.diag(
                        Code::CcpaSource,
                        format!("{target} does not describe the source of the information (§ 1798.130(a)(5)(B)(ii))"),
                        &[&s.origin],
                    )
                    .help("describe it: `source third-party \"advertising networks\"`")
                    .target(target.clone()),
                );
            }
        }
        if pr.purposes.is_empty() {
            let code = if pr.kind == Kind::Share {
                Code::CcpaDisclosurePurpose
            } else {
                Code::CcpaPurpose
            };
            out.push(
                cx.diag(
                    code,
                    format!("{target} states no business or commercial purpose (§ 1798.130(a)(5)(B)(iii); 11 CCR § 7011(e)(1)(C), (F), (J))"),
                    &[pr.origin],
                )
                .help("add `for ...` with the purposes")
                .target(target.clone()),
            );
        }
        for r in &pr.fact.recipients {
            let name = r.name.as_str();
            if r.kind.is_some_and(|k| k != Recipient::Ours) {
                if let Some(def) = cx.recipients.get(name) {
                    if def
                        .description
                        .as_deref()
                        .is_none_or(|t| t.trim().is_empty())
                    {
                        out.push(
                            cx.diag(
                                Code::CcpaThirdParty,
                                format!("recipient `{name}` receives data from {target} but is not described (§ 1798.130(a)(5)(B)(iv))"),
                                &[&def.origin],
                            )
                            .help(format!("describe it: `recipient {name} {} \"who they are\"`", def.kind))
                            .target(format!("recipient {name}")),
                        );
                    }
                }
            }
        }
        if pr.kind == Kind::Share
            && pr.reaches_third_party()
            && pr.law.disclosure.is_none()
            && !pr.fact.sale
        {
            out.push(
                cx.diag(
                    Code::CcpaDisclosureUnclassified,
                    format!("{target} gives data to a third party without saying whether it is sold, shared or disclosed for a business purpose (§ 1798.130(a)(5)(C))"),
                    &[pr.origin],
                )
                .help("add `disclosure sold`, `shared` or `business-purpose`")
                .target(target.clone()),
            );
        }
        if pr.kind != Kind::Share && !retention_stated(cx, pr) {
            let origins = [
                pr.fact.retention.as_ref().map_or(pr.origin, |r| &r.origin),
                pr.origin,
            ];
            out.push(
                cx.diag(
                    Code::CcpaRetention,
                    format!("{target} does not state how long the information is kept or the criteria (§ 1798.100(a)(3))"),
                    &origins,
                )
                .help("write the period or criteria after the retention value, or add a `retention` rule")
                .target(target),
            );
        }
    }
}
