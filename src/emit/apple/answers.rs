//! The App Store Connect privacy answers as JSON: per data type its category, label,
//! whether it is linked to the user and used for tracking, and its purposes; then
//! the three label sections the App Store shows ("Data Used to Track You", "Data
//! Linked to You", "Data Not Linked to You").

use super::Manifest;
use crate::model::App;
use serde_json::{json, Value};

pub fn answers(app: &App, m: &Manifest) -> Value {
    let types: Vec<Value> = m
        .collected
        .iter()
        .map(|c| {
            json!({
                "category": c.data_type.category,
                "data-type": c.data_type.label,
                "constant": c.data_type.constant(),
                "linked-to-user": c.linked,
                "used-for-tracking": c.tracking,
                "purposes": c.purposes.iter().map(|p| p.label).collect::<Vec<_>>(),
            })
        })
        .collect();
    let section = |keep: &dyn Fn(&super::Collected) -> bool| -> Vec<&str> {
        m.collected
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.data_type.label)
            .collect()
    };
    json!({
        "app": app.name,
        "bundle-id": app.bundle_id,
        "data-collected": !m.collected.is_empty(),
        "tracking": m.tracking,
        "tracking-domains": m.tracking_domains,
        "data-types": types,
        "label": {
            "Data Used to Track You": section(&|c| c.tracking),
            "Data Linked to You": section(&|c| c.linked),
            "Data Not Linked to You": section(&|c| !c.linked),
        },
    })
}
