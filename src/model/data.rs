use crate::span::Origin;
use crate::vocabulary::Category;
use serde::{Deserialize, Serialize};

/// A named, reusable set of data items.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DataSet {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub items: Vec<DataItem>,
    #[serde(skip)]
    pub origin: Origin,
}

/// Data used by a statement, sharing rule or retention rule: a data set by name,
/// or one item written in place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum DataUse {
    /// The name of a `data` set.
    Set {
        name: String,
        #[serde(skip)]
        origin: Origin,
    },
    Item(DataItem),
}

/// One data item: a base data schema element or custom data, with categories.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DataItem {
    pub data: DataRef,
    /// Declared categories. Required for variable-category elements and custom data
    /// (REC §3.4); additive to the fixed categories of other elements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<Category>,
    /// P3P `optional="yes"`: the person may decline to give it (REC §3.3.7).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    #[serde(skip)]
    pub origin: Origin,
}

/// What a data item refers to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum DataRef {
    /// A base data schema element, e.g. `user.home-info.online.email` (REC §5.5).
    Schema(String),
    /// Custom data described in words; P3P carries it as `dynamic.miscdata`
    /// with its categories.
    Custom(String),
}
