#!/usr/bin/env python3
"""Writes the defect corpus: clean/*.policy (correct, realistic policies in
several styles) and defect/*.policy (each a clean policy with exactly one
defect injected, its expected finding on a `# expect CODE` line above the
line the finding must point at). Run from this folder; tests/defects.rs reads
the files. Re-run after editing: the output is deterministic."""
import os, re

HEAD = '''policy {name} {{
  title "{title}"
  discuri "https://{host}/privacy"
  opturi "https://{host}/choices"
  access {access}
  entity "{entity}" {{
    email "privacy@{host}"
  }}
'''

BASES = {}

BASES['saas'] = HEAD + '''  subject customers "Businesses and people who sign up for {product}"
  recipient hosting ours "Our hosting provider, processing data on our instructions"
  recipient support-desk ours "Our help desk software provider"
  recipient authorities unrelated "Courts and authorities when the law requires it"
  data account "Account details" {{
    user.name
    user.home-info.online.email
    user.login.id
  }}
  collect accounts "Your account" {{
    from customers
    data account
    for current, admin
    to ours, hosting
    retain stated-purpose "{keep}"
  }}
  collect support "Support requests" {{
    from customers
    data user.home-info.online.email, custom "the text of your request" categories content
    for current
    to ours, support-desk
    retain stated-purpose "2 years after the request is closed"
  }}
  collect usage "Service logs" {{
    data dynamic.clickstream, dynamic.http.useragent
    for admin, develop
    to ours
    retain stated-purpose "90 days"
    non-identifiable
  }}
  share legal {{
    with authorities
    data account
    basis legal-requirement
  }}
  security {{
    transport-encryption "TLS for every connection"
    access-control "Only staff who need it can see customer data"
  }}
  right access "Use the account settings page"
  right deletion "Email privacy@{host}"
  promise no-sale "We do not sell your data." {{
    claim no-sale
  }}
  promise sharing "We share your data only with the providers who run the service for us, and when the law requires it." {{
    claim no-third-party-sharing
    except legal-requirement
  }}
  promise logs "Service logs are not linked to you." {{
    claim not-linked
    data dynamic.clickstream
  }}
}}
'''

BASES['shop'] = HEAD + '''  subject customers "People who buy from {product}"
  recipient payments other-recipient "Our payment processor, bound by contract to use card data only for payments"
  recipient couriers delivery "The courier who delivers your order"
  data delivery "Delivery details" {{
    user.name
    user.home-info.postal
    user.home-info.online.email
  }}
  data card "Card details" {{
    custom "card number and expiry date" categories financial
  }}
  collect orders "Orders" {{
    from customers
    data delivery
    for current
    to ours, couriers
    retain stated-purpose "{keep}"
  }}
  collect payment "Payment" {{
    from customers
    data card
    for current
    to payments
    retain no-retention
  }}
  collect newsletter "Newsletter" {{
    from customers
    data user.home-info.online.email
    for contact opt-in
    to ours
    retain stated-purpose "until you unsubscribe"
  }}
  share couriers {{
    with couriers
    data delivery
    for current
    basis service-providers
  }}
  security {{
    transport-encryption "TLS on every page" covers financial
  }}
  opt-out newsletter "Use the unsubscribe link in every newsletter" {{
    covers newsletter
  }}
  right access "Email privacy@{host}"
  promise no-sale "We never sell your personal information." {{
    claim no-sale
  }}
  promise card "We do not store your card number." {{
    claim no-storage
    data card
  }}
  promise marketing "We email you offers only if you ask for them." {{
    claim only-stated-purpose
    except consent
  }}
}}
'''

BASES['newsletter'] = HEAD + '''  subject readers "People who subscribe to {product}"
  recipient mailer ours "Our email delivery provider"
  collect subscription "Subscription" {{
    from readers
    data user.home-info.online.email, user.name.given
    for current, contact opt-in
    to ours, mailer
    retain stated-purpose "{keep}"
  }}
  collect opens "Opens and clicks" {{
    from readers
    data user.home-info.online.email, dynamic.clickstream
    for develop
    to ours, mailer
    retain stated-purpose "12 months"
  }}
  opt-out unsubscribe "Use the unsubscribe link at the foot of every issue" {{
    covers subscription
  }}
  right deletion "Reply to any issue asking us to delete your address"
  changes {{
    notify email
    before-effective
  }}
  promise no-sharing "We never give your address to anyone else." {{
    claim no-third-party-sharing
  }}
  promise notice "We will email you before we use your address in a new way." {{
    claim notify-before-new-use
  }}
}}
'''

BASES['clinic'] = HEAD + '''  subject patients "Patients of {product}"
  recipient labs other-recipient "Laboratories that analyse samples for us under contract"
  recipient insurers other-recipient "Your health insurer, when you ask us to bill it"
  data identity "Who you are" {{
    user.name
    user.bdate
    user.home-info.telecom.telephone
  }}
  data records "Medical records" {{
    custom "symptoms, diagnoses and test results" categories health
  }}
  collect appointments "Appointments" {{
    from patients
    data identity, user.home-info.online.email
    for current
    to ours
    retain stated-purpose "{keep}"
  }}
  collect care "Your care" {{
    from patients
    data identity, records
    for current
    to ours, labs, insurers opt-in
    retain legal-requirement "10 years after your last visit, as the law requires"
  }}
  security {{
    transport-encryption "TLS for the booking site and the patient portal" covers health, physical
    at-rest-encryption "Records are encrypted on our servers" covers health
    access-control "Only your care team can open your record"
  }}
  opt-out billing "Tell reception whether we may send the bill to your insurer" {{
    covers care
  }}
  right access "Ask at reception or in the patient portal"
  right correction "Ask at reception"
  promise no-sale "We never sell health information." {{
    claim no-sale
  }}
  promise records "Your medical records go only to the laboratories that work for us and, if you ask, your insurer." {{
    claim no-third-party-sharing
    data records
    allow labs
    except consent
  }}
}}
'''

BASES['school'] = HEAD + '''  subject pupils "Pupils of {product}, aged 6 to 15"
  subject parents "Parents and guardians of our pupils"
  collect enrolment "Enrolment" {{
    from parents
    data user.name, user.home-info.online.email, user.home-info.telecom.telephone
    for current, admin
    to ours
    retain stated-purpose "{keep}"
  }}
  collect pupil-accounts "Pupil accounts" {{
    from pupils
    data user.name.given, user.login.id
    for current
    to ours
    retain stated-purpose "while the pupil is enrolled"
    text "A parent or guardian gives consent when they enrol the pupil."
  }}
  collect homework "Homework" {{
    from pupils
    data custom "homework and marks" categories content
    for current
    to ours
    retain stated-purpose "until the end of the school year"
  }}
  security {{
    transport-encryption "TLS on the learning platform"
  }}
  right access "Parents can see their child's record in the parent portal"
  promise no-sharing "We never give pupils' information to other companies." {{
    claim no-third-party-sharing
    subjects pupils
  }}
  promise no-marketing "We never use pupils' information for marketing." {{
    claim only-stated-purpose
    subjects pupils
  }}
}}
'''

BASES['forum'] = HEAD + '''  subject members "Registered members of {product}"
  recipient readers public "Anyone who reads the forum"
  collect registration "Registration" {{
    from members
    data user.login.id, user.home-info.online.email
    for current, admin
    to ours
    retain stated-purpose "{keep}"
  }}
  collect posts "Posts" {{
    from members
    data user.login.id, custom "what you post" categories content
    for current
    to ours, readers
    retain stated-purpose "until you delete the post"
  }}
  collect profile "Public profile" {{
    from members
    data user.name, custom "your profile text" categories content
    for current
    to ours, readers opt-in
    retain stated-purpose "until you delete the profile"
  }}
  opt-out profile "Choose in your settings whether your profile is public" {{
    covers profile
  }}
  right deletion "Delete your account in the settings"
  promise email "We never show your email address to other members." {{
    claim no-flow
    data user.home-info.online.email
    recipients readers
  }}
  promise profile "We publish your profile only if you choose to." {{
    claim consent-only-publication
    data user.name
  }}
}}
'''

BASES['news'] = HEAD + '''  subject readers "Readers of {product}"
  recipient adnet unrelated "The advertising network that shows ads on our pages"
  recipient analytics other-recipient "Our web analytics provider, bound by contract"
  collect visits "Visits" {{
    data dynamic.clickstream, dynamic.http.useragent
    for admin, develop
    to ours, analytics
    retain stated-purpose "14 months"
    non-identifiable
  }}
  collect comments "Comments" {{
    from readers
    data user.name.given, user.home-info.online.email
    for current
    to ours
    retain stated-purpose "{keep}"
  }}
  cookie session {{
    holds "a random session identifier"
    categories state
    for current
    retain stated-purpose "session"
  }}
  cookie ads {{
    party third
    provider adnet
    holds "a random identifier for ad measurement"
    categories navigation, preference
    for tailoring opt-in, pseudo-analysis opt-in
    to adnet opt-in
    retain stated-purpose "13 months"
    cross-site yes
  }}
  cookie stats {{
    party third
    provider analytics
    holds "a random identifier for counting visits"
    categories navigation
    for develop
    to analytics
    retain stated-purpose "13 months"
  }}
  opt-out cookies "Choose in the cookie banner; change your mind at any time" {{
    covers ads
  }}
  promise no-sale "We do not sell our readers' information." {{
    claim no-sale
  }}
  promise unlinked "Our cookies are not linked to who you are." {{
    claim cookies-not-linked
  }}
  promise emails "We never give commenters' email addresses to advertisers." {{
    claim no-flow
    data user.home-info.online.email
    recipients adnet
  }}
}}
'''

BASES['app'] = HEAD + '''  subject users "People who use the {product} app"
  recipient sdk other-recipient "The analytics SDK provider, processing data for us under contract"
  recipient crash-reporter ours "Our crash reporting service"
  collect sign-in "Sign-in" {{
    from users
    data user.home-info.online.email, user.login.id
    for current
    to ours
    retain stated-purpose "{keep}"
  }}
  collect analytics "App analytics" {{
    from users
    data dynamic.clickstream, custom "device model and app version" categories computer
    for develop, pseudo-analysis opt-out
    to sdk
    retain stated-purpose "13 months"
    non-identifiable
  }}
  collect crashes "Crash reports" {{
    from users
    data custom "crash logs" categories computer
    for admin
    to crash-reporter
    retain stated-purpose "90 days"
    non-identifiable
  }}
  opt-out analytics "Turn off analytics in the app settings" {{
    covers analytics
  }}
  security {{
    transport-encryption "TLS between the app and our servers"
  }}
  right deletion "Delete your account in the app"
  promise unlinked "App analytics are not linked to your account." {{
    claim not-linked
    data dynamic.clickstream
  }}
  promise no-sale "We do not sell your data." {{
    claim no-sale
  }}
  promise sdk "Analytics data goes only to our SDK provider." {{
    claim no-third-party-sharing
    allow sdk
    except aggregate
  }}
}}
'''

VARIANTS = [
    dict(name='{k}-four', title='{K} Four: privacy notice', host='{k}four.example', access='ident-contact',
         entity='{K} Four Cooperative', product='{K} Four', keep='3 years after your contract ends'),
    dict(name='{k}', title='{K} privacy policy', host='www.{k}-one.example', access='all',
         entity='{K} One Ltd.', product='{K} One', keep='while your account is open'),
    dict(name='main', title='Privacy at {K} Two', host='{k}-two.example.org', access='contact-and-other',
         entity='{K} Two GmbH', product='{K} Two', keep='2 years after your last order'),
    dict(name='{k}-three', title='How {K} Three handles your data', host='three.{k}.example.net', access='all',
         entity='{K} Three Inc.', product='{K} Three', keep='until you close your account'),
]

def render(kind, v):
    fields = {key: val.replace('{k}', kind).replace('{K}', kind.capitalize()) for key, val in v.items()}
    return BASES[kind].format(**fields)

# A defect: (kind, id, description, list of (old, new) replacements; the new text
# of the last replacement holds `@@CODE` at the start of the line the finding
# points at).
D = []
def defect(kind, ident, what, *subs):
    D.append((kind, ident, what, subs))

# Declared flags against derived facts.
defect('saas', 'F101-usage-logs-with-email', 'service logs marked non-identifiable collect the login email',
       ('data dynamic.clickstream, dynamic.http.useragent\n    for admin, develop\n    to ours\n    retain stated-purpose "90 days"\n    non-identifiable',
        'data dynamic.clickstream, dynamic.http.useragent, user.home-info.online.email\n    for admin, develop\n    to ours\n    retain stated-purpose "90 days"\n@@F101    non-identifiable'))
defect('app', 'F101-analytics-with-login', 'analytics marked non-identifiable carry the login id',
       ('data dynamic.clickstream, custom "device model and app version" categories computer\n    for develop, pseudo-analysis opt-out\n    to sdk\n    retain stated-purpose "13 months"\n    non-identifiable',
        'data dynamic.clickstream, user.login.id, custom "device model and app version" categories computer\n    for develop, pseudo-analysis opt-out\n    to sdk\n    retain stated-purpose "13 months"\n@@F101    non-identifiable'))
defect('news', 'F101-visits-with-name', 'visit statistics marked non-identifiable include the commenter name',
       ('data dynamic.clickstream, dynamic.http.useragent\n    for admin, develop\n    to ours, analytics\n    retain stated-purpose "14 months"\n    non-identifiable',
        'data dynamic.clickstream, dynamic.http.useragent, user.name\n    for admin, develop\n    to ours, analytics\n    retain stated-purpose "14 months"\n@@F101    non-identifiable'))
defect('news', 'F102-session-cookie-holds-email', 'a session cookie holds the reader email but is not linked',
       ('holds "a random session identifier"\n    categories state\n    for current\n    retain stated-purpose "session"',
        'holds "your e-mail address, to keep you signed in"\n    categories state\n    for current\n    retain stated-purpose "session"\n@@F102    linked no'))
defect('news', 'F102-stats-cookie-individual', 'the statistics cookie is used for individual analysis yet not linked',
       ('    for develop\n    to analytics\n    retain stated-purpose "13 months"\n  }',
        '    for develop, individual-analysis\n    to analytics\n    retain stated-purpose "13 months"\n@@F102    linked no\n  }'))
defect('news', 'F103-ads-cookie-cross-site-no', 'the ad network cookie is declared not cross-site',
       ('    retain stated-purpose "13 months"\n    cross-site yes', '    retain stated-purpose "13 months"\n@@F103    cross-site no'))
defect('shop', 'F104-list-buyer-ours', 'a list buyer is declared as one of our agents',
       ('  recipient couriers delivery "The courier who delivers your order"',
        '  recipient couriers delivery "The courier who delivers your order"\n@@F104  recipient list-buyers ours "Companies that buy our mailing list"'),
       ('  security {', '  share list {\n    with list-buyers\n    data delivery\n    for current\n    sale yes\n  }\n  security {'),
       ('  promise no-sale "We never sell your personal information." {\n    claim no-sale\n  }\n', ''))
defect('saas', 'F105-sale-basis-legal', 'a sale of the account list labelled as required by law',
       ('    with authorities\n    data account\n    basis legal-requirement',
        '    with authorities\n    data account\n    sale yes\n@@F105    basis legal-requirement'),
       ('  promise no-sale "We do not sell your data." {\n    claim no-sale\n  }\n', ''))

# Promises broken.
for kind in ['saas', 'app']:
    defect(kind, 'C401-%s-sells-to-broker' % kind, 'a broker buys the sign-up list despite the no-sale promise',
           ('  security {', '  recipient brokers unrelated "Data brokers"\n@@C401  share brokers {\n    with brokers\n    data user.home-info.online.email\n    for contact\n    sale yes\n  }\n  security {') if kind == 'saas' else
           ('  opt-out analytics', '  recipient brokers unrelated "Data brokers"\n@@C401  share brokers {\n    with brokers\n    data user.home-info.online.email\n    for current\n    sale yes\n  }\n  opt-out analytics'))
defect('shop', 'C401-shop-rents-list', 'the newsletter list is rented out',
       ('  security {', '  recipient renters unrelated "Companies that rent our list"\n@@C401  share list-rental {\n    with renters\n    data user.home-info.online.email\n    for current\n    sale yes\n  }\n  security {'))
defect('news', 'C401-news-sells-commenters', 'commenter emails sold to the ad network',
       ('  opt-out cookies', '@@C401  share commenters {\n    with adnet\n    data user.home-info.online.email\n    for current\n    sale yes\n  }\n  opt-out cookies'))
defect('saas', 'C402-saas-marketing-partner', 'account data shared with a marketing partner',
       ('  security {', '  recipient partners unrelated "Marketing partners"\n@@C402  share partners {\n    with partners\n    data account\n    for current\n  }\n  security {'))
defect('saas', 'C402-saas-collect-to-third-party', 'support requests go to an outside consultancy',
       ('    to ours, support-desk\n', '@@C402    to ours, support-desk, consultants\n'),
       ('  recipient authorities', '  recipient consultants unrelated "An outside consultancy"\n  recipient authorities'))
defect('newsletter', 'C402-newsletter-sponsor', 'subscriber addresses go to a sponsor',
       ('    to ours, mailer\n    retain stated-purpose "{keep}"', '@@C402    to ours, mailer, sponsor\n    retain stated-purpose "{keep}"'),
       ('  recipient mailer ours "Our email delivery provider"', '  recipient mailer ours "Our email delivery provider"\n  recipient sponsor unrelated "The sponsor of the newsletter"'))
defect('newsletter', 'C402-newsletter-affiliate', 'an affiliate following the same practices receives the list',
       ('  opt-out unsubscribe', '  recipient sister same "Our sister publication"\n@@C402  share sister {\n    with sister\n    data user.home-info.online.email\n    for current\n  }\n  opt-out unsubscribe'))
defect('clinic', 'C402-clinic-records-to-researchers', 'medical records given to researchers',
       ('  security {', '  recipient researchers unrelated "University researchers"\n@@C402  share research {\n    with researchers\n    data records\n    for develop\n  }\n  security {'))
defect('school', 'C402-school-pupils-to-publisher', 'pupil accounts shared with a textbook publisher',
       ('    data user.name.given, user.login.id\n    for current\n    to ours\n', '    data user.name.given, user.login.id\n    for current\n@@C402    to ours, publisher\n'),
       ('  subject parents', '  recipient publisher unrelated "A textbook publisher"\n  subject parents'))
defect('app', 'C402-app-crash-to-unrelated', 'sign-in data sent to an unrelated party',
       ('    data user.home-info.online.email, user.login.id\n    for current\n    to ours\n', '    data user.home-info.online.email, user.login.id\n    for current\n@@C402    to ours, growth\n'),
       ('  recipient crash-reporter', '  recipient growth unrelated "A growth marketing company"\n  recipient crash-reporter'))
defect('news', 'C403-news-linked-session', 'the session cookie is declared linked',
       ('holds "a random session identifier"\n    categories state\n    for current\n    retain stated-purpose "session"',
        'holds "a random session identifier"\n    categories state\n    for current\n    retain stated-purpose "session"\n    linked yes'),
       ('  cookie session {', '@@C403  cookie session {'))
defect('news', 'C403-news-cookie-with-email-category', 'a cookie holding online contact data',
       ('  cookie stats {', '@@C403  cookie remember {\n    holds "your sign-in"\n    categories online\n    for current\n    retain stated-purpose "30 days"\n    linked yes\n  }\n  cookie stats {'))
defect('news', 'C404-news-second-ad-cookie', 'a second ad cookie tracks across sites',
       ('  promise unlinked', '  promise tracking "We do not follow you on other sites." {\n    claim no-cross-site-tracking\n  }\n  promise unlinked'),
       ('  cookie stats {', '@@C404  cookie retarget {\n    party third\n    provider adnet\n    holds "a random identifier"\n    categories navigation\n    for tailoring opt-in\n    to adnet opt-in\n    retain stated-purpose "13 months"\n    cross-site yes\n  }\n  cookie stats {'),
       ('    covers ads\n', '    covers ads, retarget\n'))
defect('newsletter', 'C405-newsletter-no-before', 'the change notice does not say before',
       ('  changes {\n    notify email\n    before-effective\n  }', '@@C405  changes {\n    notify email\n  }'))
defect('newsletter', 'C405-newsletter-site-notice', 'changes only posted on the site',
       ('  changes {\n    notify email\n    before-effective\n  }', '@@C405  changes {\n    notify site-notice\n    before-effective\n  }'))
defect('saas', 'C406-saas-logs-linked', 'service logs collected in the identifiable account statement',
       ('    data account\n    for current, admin\n    to ours, hosting\n', '@@C406    data account, dynamic.clickstream\n    for current, admin\n    to ours, hosting\n'))
defect('app', 'C406-app-analytics-linked', 'clickstream collected with the sign-in',
       ('    data user.home-info.online.email, user.login.id\n    for current\n    to ours\n', '@@C406    data user.home-info.online.email, user.login.id, dynamic.clickstream\n    for current\n    to ours\n'))
for kind, subj in [('saas', 'customers'), ('forum', 'members')]:
    defect(kind, 'C407-%s-no-collection' % kind, 'a no-identifiable-collection promise broken by the sign-up',
           ('}\n', '  promise visitors "We collect nothing that identifies %s." {\n    claim no-identifiable-collection %s\n  }\n}\n' % (subj, subj)),
           ('    from %s\n' % subj, '@@C407    from %s\n' % subj))
defect('shop', 'C408-shop-orders-marketing', 'order emails used for marketing, always',
       ('    data delivery\n    for current\n    to ours, couriers', '    data delivery\n@@C408    for current, contact\n    to ours, couriers'))
defect('school', 'C408-school-pupils-profiled', 'pupil accounts used for individual analysis',
       ('    data user.name.given, user.login.id\n    for current\n', '    data user.name.given, user.login.id\n@@C408    for current, individual-analysis\n'))
defect('shop', 'C408-shop-share-for-marketing', 'couriers receive data for marketing',
       ('    with couriers\n    data delivery\n    for current\n', '    with couriers\n    data delivery\n@@C408    for current, contact\n'))
defect('news', 'C410-news-email-to-adnet', 'commenter emails go to the ad network',
       ('    data user.name.given, user.home-info.online.email\n    for current\n    to ours\n', '    data user.name.given, user.home-info.online.email\n    for current\n@@C410    to ours, adnet\n'))
defect('forum', 'C410-forum-email-public', 'member emails shown to readers',
       ('    data user.login.id, user.home-info.online.email\n    for current, admin\n    to ours\n', '    data user.login.id, user.home-info.online.email\n    for current, admin\n@@C410    to ours, readers\n'))
defect('shop', 'C412-shop-card-kept', 'the card number is kept',
       ('    data card\n    for current\n    to payments\n    retain no-retention', '    data card\n    for current\n    to payments\n@@C412    retain stated-purpose "until the order is delivered"'))
defect('forum', 'C413-forum-profile-always-public', 'the profile is always public',
       ('    to ours, readers opt-in\n', '@@C413    to ours, readers\n'),
       ('  opt-out profile "Choose in your settings whether your profile is public" {\n    covers profile\n  }\n', ''))
defect('saas', 'C414-saas-ceiling', 'accounts kept indefinitely despite a 30-day deletion promise',
       ('}\n', '  promise deletion "We delete account data within 30 days of closing the account." {\n    claim retention-ceiling "30 days"\n    data account\n  }\n}\n'),
       ('    to ours, hosting\n    retain stated-purpose "{keep}"', '    to ours, hosting\n@@C414    retain indefinitely'))
defect('newsletter', 'C415-newsletter-notify-new-use', 'notice of new uses only on the website',
       ('  promise notice "We will email you before we use your address in a new way." {\n    claim notify-before-new-use\n  }',
        '  promise notice "We will email you when we use your address in a new way." {\n    claim notify-new-use\n  }'),
       ('  changes {\n    notify email\n    before-effective\n  }', '@@C415  changes {\n    notify site-notice\n  }'))

# Coherence.
defect('newsletter', 'Q511-newsletter-no-retention', 'the subscription is not retained yet used for contact',
       ('    to ours, mailer\n    retain stated-purpose "{keep}"', '    to ours, mailer\n@@Q511    retain no-retention'))
defect('shop', 'Q511-shop-newsletter-no-retention', 'the newsletter address is not retained',
       ('    for contact opt-in\n    to ours\n    retain stated-purpose "until you unsubscribe"', '    for contact opt-in\n    to ours\n@@Q511    retain no-retention'))
defect('saas', 'Q512-saas-indefinite-with-period', 'indefinitely with a 90-day period',
       ('    to ours\n    retain stated-purpose "90 days"', '    to ours\n@@Q512    retain indefinitely "90 days"'))
defect('app', 'Q512-app-no-retention-year', 'no-retention with a year-long period',
       ('    to crash-reporter\n    retain stated-purpose "90 days"', '    to crash-reporter\n@@Q512    retain no-retention "1 year"'))
defect('forum', 'Q512-forum-stated-purpose-indefinite', 'a stated-purpose retention that never ends',
       ('    retain stated-purpose "until you delete the post"', '@@Q512    retain stated-purpose "indefinitely"'))
defect('saas', 'Q513-saas-two-periods', 'a retention rule states another period for support requests',
       ('  security {', '@@Q513  retention support-records "5 years" {\n    applies-to support\n  }\n  security {'))
defect('clinic', 'Q513-clinic-two-periods', 'appointments kept for two different periods',
       ('  security {', '@@Q513  retention care-records "20 years" {\n    applies-to care\n  }\n  security {'))
defect('forum', 'Q514-forum-forever', 'registration kept indefinitely beside the deletion right',
       ('    for current, admin\n    to ours\n    retain stated-purpose "{keep}"', '    for current, admin\n    to ours\n@@Q514    retain indefinitely'))
defect('app', 'Q514-app-forever', 'sign-in data kept indefinitely beside the deletion right',
       ('    for current\n    to ours\n    retain stated-purpose "{keep}"', '    for current\n    to ours\n@@Q514    retain indefinitely'))
defect('shop', 'Q515-shop-contact-always', 'order emails used for marketing always, the newsletter opt-in',
       ('    data delivery\n    for current\n    to ours, couriers', '    data delivery\n@@Q515    for current, contact\n    to ours, couriers'),
       ('  promise marketing "We email you offers only if you ask for them." {\n    claim only-stated-purpose\n    except consent\n  }\n', ''))
defect('clinic', 'Q516-clinic-insurer-choice', 'insurer billing opt-in in the statement, opt-out in the sharing rule',
       ('  security {', '@@Q516  share billing {\n    with insurers\n    data identity\n    for current\n    choice opt-out\n  }\n  security {'))
defect('clinic', 'Q517-clinic-records-public', 'test results posted publicly',
       ('  security {', '  recipient wall public "The public testimonials wall"\n  share testimonials {\n    with wall\n    data records\n    for current\n  }\n  security {'),
       ('  share testimonials {\n    with wall\n    data records\n    for current\n  }', '@@Q517  share testimonials {\n    with wall\n    data records\n    for current\n  }'),
       ('    claim no-third-party-sharing\n    data records\n', '    claim no-third-party-sharing\n    data records\n    recipients labs, insurers\n'))
defect('shop', 'Q517-shop-card-to-unrelated', 'card details go to an unrelated fraud database',
       ('    to payments\n    retain no-retention', '@@Q517    to payments, fraud-db\n    retain no-retention'),
       ('  recipient couriers', '  recipient fraud-db unrelated "A shared fraud database"\n  recipient couriers'),
       ('  promise no-sale', '  promise no-sale'))
defect('shop', 'Q518-shop-processor-encryption', 'the only encryption named is the processor\'s, yet the shop takes card data',
       ('    transport-encryption "TLS on every page" covers financial', '@@Q518    transport-encryption "Payments encrypts card numbers with TLS" covers financial'),
       ('    to payments\n    retain no-retention', '    to ours, payments\n    retain no-retention'))
defect('school', 'Q519-school-pupils-no-consent', 'pupil accounts without parental consent',
       ('    text "A parent or guardian gives consent when they enrol the pupil."\n', ''),
       ('  collect pupil-accounts "Pupil accounts" {', '@@Q519  collect pupil-accounts "Pupil accounts" {'))
defect('school', 'Q520-school-marketing-pupils', 'pupils receive marketing',
       ('    data custom "homework and marks" categories content\n    for current\n', '    data custom "homework and marks" categories content\n@@Q520    for current, contact\n'),
       ('  promise no-marketing "We never use pupils\' information for marketing." {\n    claim only-stated-purpose\n    subjects pupils\n  }\n', ''))
defect('forum', 'Q521-forum-access-none', 'deletion promised with access none',
       ('  access {access}', '  access none'),
       ('  right deletion', '@@Q521  right deletion'))
defect('app', 'Q521-app-access-none', 'deletion promised with access none',
       ('  access {access}', '  access none'),
       ('  right deletion', '@@Q521  right deletion'))
defect('news', 'Q522-news-unnamed-third-party', 'a third-party cookie with no provider',
       ('  cookie stats {\n    party third\n    provider analytics\n', '@@Q522  cookie stats {\n    party third\n'),
       ('    to ours, analytics\n', '    to ours\n'),
       ('    to analytics\n    retain stated-purpose "13 months"', '    retain stated-purpose "13 months"'),
       ('  recipient analytics other-recipient "Our web analytics provider, bound by contract"\n', ''))

# Older checks.
defect('saas', 'Q504-saas-no-period', 'support requests kept for the stated purpose with no period',
       ('    to ours, support-desk\n    retain stated-purpose "2 years after the request is closed"', '    to ours, support-desk\n@@Q504    retain stated-purpose'))
defect('app', 'Q504-app-no-period', 'crash reports kept with no period',
       ('    to crash-reporter\n    retain stated-purpose "90 days"', '    to crash-reporter\n@@Q504    retain business-practices'))
defect('clinic', 'Q503-clinic-no-encryption', 'health records without transport encryption',
       ('    transport-encryption "TLS for the booking site and the patient portal" covers health, physical\n', ''),
       ('    data identity, records\n    for current\n    to ours, labs', '@@Q503    data identity, records\n    for current\n    to ours, labs'))
defect('saas', 'Q505-saas-access-none', 'an access right with access none',
       ('  access {access}', '  access none'),
       ('  right access', '@@Q505  right access'),
       ('  right deletion "Email privacy@{host}"\n', ''))
defect('app', 'Q502-app-individual-nonident', 'non-identifiable analytics used for individual decisions',
       ('    for develop, pseudo-analysis opt-out\n', '@@Q502    for develop, individual-decision opt-out\n'))
defect('newsletter', 'Q508-newsletter-telemarketing', 'telemarketing with no telephone number',
       ('    for current, contact opt-in\n', '@@Q508    for current, contact opt-in, telemarketing opt-in\n'))
defect('clinic', 'Q507-clinic-opt-in-without-channel', 'insurer opt-in with no channel to choose',
       ('  opt-out billing "Tell reception whether we may send the bill to your insurer" {\n    covers care\n  }\n', ''),
       ('  collect care "Your care" {', '@@Q507  collect care "Your care" {'))
defect('shop', 'Q501-shop-historical', 'historical preservation of a discarded payment',
       ('    data card\n    for current\n', '    data card\n@@Q501    for current, historical\n'))
defect('saas', 'R201-saas-undefined-recipient', 'a support request goes to an undefined recipient',
       ('    to ours, support-desk\n', '@@R201    to ours, helpdesk\n'))
defect('shop', 'R201-shop-undefined-set', 'orders use an undefined data set',
       ('    data delivery\n    for current\n    to ours, couriers', '@@R201    data deliveries\n    for current\n    to ours, couriers'))
defect('news', 'Q509-news-empty-right', 'a right with no way to exercise it',
       ('  opt-out cookies', '@@Q509  right access ""\n  opt-out cookies'))
defect('forum', 'R203-forum-unused-subject', 'a subject nobody collects from',
       ('  recipient readers public', '@@R203  subject guests "Visitors who are not signed in"\n  recipient readers public'))
defect('app', 'P308-app-choice-without-opturi', 'a choice with no opturi',
       ('  opturi "https://{host}/choices"\n', ''),
       ('policy {name} {{', '@@P302policy {name} {{'))
defect('school', 'C402-school-parents-to-fundraiser', 'parent contact details to a fundraiser',
       ('  security {', '  recipient fundraiser unrelated "A fundraising company"\n@@C402  share fundraiser {\n    with fundraiser\n    data user.home-info.telecom.telephone\n    for current\n  }\n  security {'),
       ('    claim no-third-party-sharing\n    subjects pupils\n', '    claim no-third-party-sharing\n'))
defect('clinic', 'C401-clinic-sells-records', 'health records sold to a data broker',
       ('  security {', '  recipient broker unrelated "A health data broker"\n@@C401  share broker {\n    with broker\n    data identity\n    for develop\n    sale yes\n    choice opt-in\n  }\n  security {'))
defect('forum', 'C413-forum-posts-promise', 'posts are always public despite a consent promise on them',
       ('  promise profile "We publish your profile only if you choose to." {\n    claim consent-only-publication\n    data user.name\n  }',
        '  promise profile "We publish what you write only if you choose to." {\n    claim consent-only-publication\n  }'),
       ('    to ours, readers\n    retain stated-purpose "until you delete the post"', '@@C413    to ours, readers\n    retain stated-purpose "until you delete the post"'))

defect('shop', 'F101-shop-newsletter-nonident', 'the newsletter statement is marked non-identifiable',
       ('    for contact opt-in\n    to ours\n    retain stated-purpose "until you unsubscribe"', '    for contact opt-in\n    to ours\n    retain stated-purpose "until you unsubscribe"\n@@F101    non-identifiable'))
defect('forum', 'F101-forum-posts-nonident', 'posts signed with the login are marked non-identifiable',
       ('    to ours, readers\n    retain stated-purpose "until you delete the post"', '    to ours, readers\n    retain stated-purpose "until you delete the post"\n@@F101    non-identifiable'))
defect('app', 'C402-app-signin-to-unrelated', 'sign-in emails shared with an unrelated company',
       ('  opt-out analytics', '  recipient growth unrelated "A growth marketing company"\n@@C402  share growth {\n    with growth\n    data user.home-info.online.email\n    for current\n  }\n  opt-out analytics'))
defect('news', 'Q522-news-widget-cookie', 'a widget cookie set by an unnamed third party',
       ('  opt-out cookies', '@@Q522  cookie widgets {\n    party third\n    holds "a random identifier"\n    categories state\n    for current\n    retain stated-purpose "session"\n  }\n  opt-out cookies'))
defect('saas', 'Q514-saas-forever', 'accounts kept indefinitely beside the deletion right',
       ('    to ours, hosting\n    retain stated-purpose "{keep}"', '    to ours, hosting\n@@Q514    retain indefinitely'))
defect('newsletter', 'Q514-newsletter-forever', 'the subscription kept indefinitely beside the deletion right',
       ('    to ours, mailer\n    retain stated-purpose "{keep}"', '    to ours, mailer\n@@Q514    retain indefinitely'))
defect('news', 'C410-news-share-comments', 'commenter emails shared with the ad network',
       ('  opt-out cookies', '@@C410  share commenters {\n    with adnet\n    data user.home-info.online.email\n    for current\n  }\n  opt-out cookies'))
defect('forum', 'Q519-forum-children-members', 'children among the members, and no word on parents',
       ('  subject members "Registered members of {product}"', '  subject members "Registered members of {product}, including children under 13"'),
       ('  collect registration "Registration" {', '@@Q519  collect registration "Registration" {'))

def place(text, code_markers):
    out = []
    expect = None
    for line in text.split('\n'):
        m = re.match(r'^@@([A-Z][0-9]{3})(.*)$', line)
        if m:
            expect = m.group(1)
            out.append('# expect ' + m.group(1))
            out.append(m.group(2))
        else:
            out.append(line)
    return '\n'.join(out), expect

def main():
    os.makedirs('clean', exist_ok=True)
    os.makedirs('defect', exist_ok=True)
    for d in ('clean', 'defect'):
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    n = 0
    for kind in BASES:
        variants = VARIANTS if kind in ('saas', 'shop') else VARIANTS[1:]
        for i, v in enumerate(variants):
            text = render(kind, v)
            with open('clean/%s-%d.policy' % (kind, i + 1), 'w') as f:
                f.write('# A correct %s policy (variant %d): it must check clean.\n' % (kind, i + 1) + text)
            n += 1
    # One more clean style: the saas base without promises' scopes, YAML-free.
    for kind, ident, what, subs in D:
        for v in VARIANTS[1:2]:
            fields = {key: val.replace('{k}', kind).replace('{K}', kind.capitalize()) for key, val in v.items()}
            text = BASES[kind].format(**fields)
            def fill(t):
                t = t.replace('{{', '{').replace('}}', '}')
                for key, val in fields.items():
                    t = t.replace('{' + key + '}', val)
                return t
            for old, new in subs:
                old, new = fill(old), fill(new)
                if old == '}\n':
                    text = text[: text.rindex('}\n')] + new
                    continue
                if old not in text:
                    raise SystemExit('%s: %r not in %s' % (ident, old, kind))
                text = text.replace(old, new, 1)
            text, expect = place(text, None)
            if not expect:
                raise SystemExit('%s: no marker' % ident)
            with open('defect/%s.policy' % ident, 'w') as f:
                f.write('# Defect: %s.\n' % what + text)
    print(n, 'clean,', len(D), 'defects')

main()
