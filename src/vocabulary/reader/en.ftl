# Reader wording of the vocabulary, English. One message per term, named
# GROUP-WORD; `.description` is the one sentence a reader sees. Reviewed against
# the P3P user-agent task force's recommended translations and GDPR wording.

## Access to the information we hold (REC 3.2.5; GDPR Art. 15)
access-nonident = We hold nothing that identifies you
    .description = We do not keep information that identifies you, so there is nothing to show you.
access-all = You can see everything we hold about you
    .description = You can ask to see all the information we hold that identifies you.
access-contact-and-other = You can see your contact details and some other information
    .description = You can ask to see the contact details we hold about you and some other information that identifies you.
access-ident-contact = You can see your contact details
    .description = You can ask to see the postal, telephone and email details we hold about you.
access-other-ident = You can see some of what we hold about you
    .description = You can ask to see some information that identifies you, other than your contact details.
access-none = You cannot see what we hold about you
    .description = We do not offer a way to see the information we hold about you.

## Complaints (REC 3.2.6)
resolution-service = Our customer service
    .description = You can complain to our own customer service.
resolution-independent = An independent organisation
    .description = You can take a complaint to an independent organisation.
resolution-court = A court
    .description = You can take a dispute to court.
resolution-law = The law
    .description = Disputes are settled under the law named here.

## Remedies (REC 3.2.7)
remedy-correct = We put mistakes right
    .description = If we break this policy, we correct the mistake.
remedy-money = We pay compensation
    .description = If we break this policy, we pay compensation as the complaint process decides.
remedy-law = The law decides
    .description = If we break this policy, the remedies are those the law gives you.

## Why we use information (REC 3.3.4; GDPR Art. 5(1)(b))
purpose-current = Doing what you asked for
    .description = To provide the service, order or answer you asked for.
purpose-admin = Running and securing the site
    .description = To run, maintain and protect our site and systems.
purpose-develop = Improving our services
    .description = To review and improve our site, services and products.
purpose-tailoring = Adapting this visit
    .description = To adapt the site to you during one visit, without keeping a profile.
purpose-pseudo-analysis = Studying use without knowing who you are
    .description = To study how people use the site through a profile that does not say who you are.
purpose-pseudo-decision = Personalising without knowing who you are
    .description = To choose what you see through a profile that does not say who you are.
purpose-individual-analysis = Studying what you do
    .description = To study your use of the site, knowing who you are.
purpose-individual-decision = Personalising for you
    .description = To choose what you see or are offered, knowing who you are.
purpose-contact = Marketing to you
    .description = To send you offers by email, post or other means than the telephone.
purpose-historical = Keeping a historical record
    .description = To keep a record for history, as a law or policy requires.
purpose-telemarketing = Marketing by telephone
    .description = To call you with offers.
purpose-other-purpose = Other uses
    .description = For other uses, described here in our own words.

## Who receives information (REC 3.3.5; GDPR Art. 4(9), 28)
recipient-ours = Us and those working for us
    .description = Us, and companies that process information only on our behalf and on our instructions.
recipient-delivery = Delivery companies
    .description = Companies that deliver what you ordered; they may use the information in their own way.
recipient-same = Companies that protect it as we do
    .description = Other companies that handle the information the same way we do.
recipient-other-recipient = Companies bound by contract with us
    .description = Other companies with their own ways of handling information, bound to us by contract.
recipient-unrelated = Other companies
    .description = Companies whose handling of the information we do not know or control.
recipient-public = Anyone
    .description = Anyone, for example on a public forum or in a directory.

## How long we keep information (REC 3.3.6; GDPR Art. 5(1)(e))
retention-no-retention = Not kept
    .description = Used during your visit and not kept afterwards.
retention-stated-purpose = Kept only as long as needed
    .description = Kept only as long as the use described needs it, then deleted.
retention-legal-requirement = Kept as long as the law requires
    .description = Kept as long as a law requires, then deleted.
retention-business-practices = Kept under our retention rules
    .description = Kept as long as our published retention rules say.
retention-indefinitely = Kept with no end date
    .description = Kept without a set end date.

## Kinds of information (REC 3.4; GDPR Art. 4(1), 9)
category-physical = Postal address and telephone
    .description = Details for reaching you offline, such as your postal address or telephone number.
category-online = Email and online contact
    .description = Details for reaching you online, such as your email address.
category-uniqueid = Account and ID numbers
    .description = Numbers or names that single you out, such as a user name or customer number (not government IDs).
category-purchase = What you buy
    .description = What you bought and how you paid.
category-financial = Money matters
    .description = Your accounts, balances, payments or credit history.
category-computer = Your device
    .description = Your device's address on the Internet (IP address), browser and operating system.
category-navigation = Pages you visit
    .description = Which pages you look at on our site, and for how long.
category-interactive = What you do on the site
    .description = What you do on our site, such as searches or activity in your account.
category-demographic = Personal characteristics
    .description = Characteristics such as your age, gender or income.
category-content = Your messages
    .description = What you write in messages, emails or posts.
category-state = Cookies
    .description = Cookies and similar techniques that recognise your browser from one page or visit to the next.
category-political = Beliefs and memberships
    .description = Political opinions, religion or membership of a trade union or other group.
category-health = Health
    .description = Your physical or mental health, sex life, or use of health services.
category-preference = Likes and interests
    .description = What you like and dislike, such as your interests and tastes.
category-location = Where you are
    .description = Information that shows where you are right now.
category-government = Government ID numbers
    .description = Numbers a government gave you, such as a passport or social security number.
category-other-category = Other information
    .description = Other information, described here in our own words.

## Your choice (REC 3.3.4 `required`; GDPR Art. 7, 21)
choice-always = Needed
    .description = This is needed for the service; it happens whenever you use it.
choice-opt-in = Only with your consent
    .description = This happens only if you say yes.
choice-opt-out = Unless you say no
    .description = This happens unless you tell us to stop.

## Rows of the privacy label: kinds a person tells apart
kind-contact = Contact details
    .description = Your name, postal address, telephone number and email address.
kind-cookies = Cookies
    .description = Cookies and similar techniques that recognise your browser.
kind-demographic = Personal characteristics
    .description = Age, gender, income, job and similar characteristics.
kind-financial = Money matters
    .description = Accounts, balances, payments and credit history.
kind-health = Health
    .description = Physical or mental health and use of health services.
kind-preferences = Likes and interests
    .description = What you like and dislike.
kind-purchases = What you buy
    .description = What you bought and how you paid.
kind-government = Government ID numbers
    .description = Passport, social security and other government numbers.
kind-activity = Your use of the site and your device
    .description = Pages you visit, what you do on the site, and your device and browser.
kind-location = Where you are
    .description = Where you are right now.
kind-identifiers = Account and ID numbers
    .description = User names, customer numbers and similar identifiers.
kind-content = Your messages
    .description = What you write in messages and posts.
kind-political = Beliefs and memberships
    .description = Political opinions, religion and memberships.
kind-other = Other information
    .description = Other information, described in our own words.

## Fields of the base data schema (REC 5.5), for naming data items
field-name = name
field-prefix = title
field-given = first name
field-middle = middle name
field-family = last name
field-suffix = name suffix
field-nickname = nickname
field-bdate = date of birth
field-ymd = date
field-year = year
field-month = month
field-day = day
field-hms = time of day
field-hour = hour
field-minute = minute
field-second = second
field-fractionsecond = fraction of a second
field-timezone = time zone
field-login = login
field-id = user name
field-password = password
field-cert = identity certificate
field-key = certificate key
field-format = certificate format
field-gender = gender
field-employer = employer
field-department = department
field-jobtitle = job title
field-home-info = home
field-business-info = work
field-contact-info = contact details
field-postal = postal address
field-street = street
field-city = city
field-stateprov = state or province
field-postalcode = postal code
field-country = country
field-organization = organisation
field-telecom = telephone numbers
field-telephone = telephone number
field-fax = fax number
field-mobile = mobile number
field-pager = pager number
field-intcode = country calling code
field-loccode = area code
field-number = number
field-ext = extension
field-comment = note
field-online = online contact
field-email = email address
field-uri = web address
field-authority = site part of the address
field-stem = page part of the address
field-querystring = query part of the address
field-clickstream = pages you visit
field-timestamp = time of each request
field-clientip = IP address
field-hostname = full host name
field-partialhostname = partial host name
field-fullip = full IP address
field-partialip = shortened IP address
field-other = other request details
field-httpmethod = kind of request
field-bytes = amount of data sent
field-statuscode = response status
field-http = what your browser sends with each request
field-referer = page you came from
field-useragent = browser and operating system
field-clientevents = clicks and key presses on the page
field-cookies = cookies
field-miscdata = other data
field-searchtext = search terms
field-interactionrecord = record of your dealings with us
field-about-someone-else = about someone else
field-of-a-business = of a business

## Laws a notice meets (`applies`)
law-gdpr = the EU General Data Protection Regulation
    .description = The European Union's data protection law.
law-uk-gdpr = the UK General Data Protection Regulation
    .description = The United Kingdom's data protection law.
law-ccpa = the California privacy laws
    .description = The California Consumer Privacy Act, as amended by the California Privacy Rights Act.

## Legal grounds for a use (GDPR Art. 6(1))
basis-consent = Your consent
    .description = You agreed to this use; you can withdraw your consent at any time.
basis-contract = Needed for our contract with you
    .description = We need it to provide what you signed up for, or to take steps you asked for before that.
basis-legal-obligation = Required by law
    .description = The law requires us to do this.
basis-vital-interests = To protect someone's life
    .description = We need it to protect your life or someone else's.
basis-public-task = A task in the public interest
    .description = We need it to carry out a task in the public interest or an official duty given to us.
basis-legitimate-interests = Our legitimate interests
    .description = We need it for an interest of our own or of others that we weighed against your interests and rights; you can object.

## Grounds for using especially sensitive information (GDPR Art. 9(2))
condition-explicit-consent = Your explicit consent
    .description = You expressly agreed to this use of this information.
condition-employment = Employment and social security law
    .description = We need it for duties or rights under employment, social security or social protection law.
condition-vital-interests = To protect someone's life
    .description = It protects someone's life when they cannot agree.
condition-not-for-profit = A not-for-profit body and its members
    .description = A political, religious, philosophical or trade-union body uses it about its members or regular contacts.
condition-made-public = You made it public
    .description = You have clearly made this information public yourself.
condition-legal-claims = Legal claims
    .description = We need it to make, pursue or defend legal claims, or a court needs it.
condition-public-interest = An important public interest set out in law
    .description = The law allows it for an important public interest.
condition-health-care = Health and social care
    .description = We need it for medical care, diagnosis or treatment, by people bound to professional secrecy.
condition-public-health = Public health
    .description = We need it to protect public health.
condition-archiving = Archives, research or statistics
    .description = We need it for archives in the public interest, research or statistics, with safeguards.

## What protects information sent abroad (GDPR Art. 45-49)
safeguard-adequacy = The country protects it as well as the EU does
    .description = The European Commission has found that the country protects personal information as well as the EU does.
safeguard-public-instrument = An agreement between public bodies
    .description = A binding agreement between public authorities protects the information.
safeguard-bcr = Our group's binding rules
    .description = Rules binding every company in our group, approved by a data protection authority, protect the information.
safeguard-scc = The EU's standard contract terms
    .description = The receiver signed the standard data protection terms adopted by the European Commission.
safeguard-authority-clauses = Contract terms approved by a data protection authority
    .description = The receiver signed standard terms adopted by a data protection authority and approved by the European Commission.
safeguard-code-of-conduct = An approved code of conduct
    .description = The receiver follows an approved code of conduct and made binding commitments.
safeguard-certification = An approved certification
    .description = The receiver holds an approved certification and made binding commitments.
safeguard-ad-hoc-clauses = Contract terms a data protection authority authorised
    .description = Contract terms authorised by a data protection authority protect the information.
safeguard-administrative-arrangement = An arrangement between public bodies
    .description = Authorised terms in an arrangement between public authorities protect the information.
safeguard-explicit-consent = Your explicit consent
    .description = You expressly agreed to the transfer after we told you its risks.
safeguard-contract-necessity = Needed for our contract with you
    .description = The transfer is needed to carry out our contract with you.
safeguard-contract-in-interest = Needed for a contract made in your interest
    .description = The transfer is needed for a contract made in your interest.
safeguard-public-interest = An important public interest
    .description = The transfer is needed for important reasons of public interest.
safeguard-legal-claims = Legal claims
    .description = The transfer is needed to make, pursue or defend legal claims.
safeguard-vital-interests = To protect someone's life
    .description = The transfer protects someone's life when they cannot agree.
safeguard-public-register = A public register
    .description = The information comes from a public register, used as its rules allow.
safeguard-compelling-interests = A one-off transfer for a pressing interest
    .description = A single transfer for a pressing interest of our own, assessed and protected, and reported to the data protection authority.

## How information is given to others (CCPA 1798.140)
disclosure-business-purpose = Given to companies working for us
    .description = Given to a service provider or contractor under a contract that limits what it may do with it.
disclosure-sold = Sold
    .description = Given to another company for money or something else of value.
disclosure-shared = Shared for advertising
    .description = Given to another company to show you ads based on what you do on other sites and apps.

## Rights the catalogue of the page does not word (GDPR Art. 7, 18, 21, 22, 77; CCPA)
right-restriction = Limit how we use your information
    .description = You may ask us to only keep your information and not use it otherwise for a while, for example while you dispute its accuracy.
right-withdraw-consent = Withdraw your consent
    .description = Where we rely on your consent, you may withdraw it at any time; what we did before stays lawful.
right-complaint = Complain to a data protection authority
    .description = You may complain to a data protection authority, in particular where you live or work.
right-automated-decisions = Not be subject to decisions made only by a machine
    .description = You may ask for a person to review a decision made only by a computer that has legal or similarly important effects on you.
right-know = Know what we collect and share
    .description = You may ask what information we have collected about you, where it came from, why we use it and who we give it to.
right-opt-out-of-sale = Stop us selling or sharing your information
    .description = You may tell us not to sell your information or share it for advertising.
right-limit-sensitive = Limit the use of your sensitive information
    .description = You may tell us to use your sensitive information only for what is needed to give you our service.
right-non-discrimination = Be treated the same
    .description = We will not treat you worse for using your privacy rights.

## Categories of personal information under the CCPA (1798.140(v)(1))
ccpa-category-identifiers = Identifiers such as your name, address, email or account name
    .description = Names, postal and email addresses, account names, online and device identifiers.
ccpa-category-customer-records = Customer records
    .description = Information in our customer records, such as your phone number or payment details.
ccpa-category-protected-classifications = Characteristics protected by law
    .description = Characteristics such as age, sex or nationality that the law protects from discrimination.
ccpa-category-commercial = What you buy
    .description = Records of products and services you bought or considered.
ccpa-category-biometric = Biometric information
    .description = Physical or behavioural traits that can identify you, such as fingerprints.
ccpa-category-internet-activity = Your browsing and use of our site
    .description = Browsing and search history and how you use our sites, apps and ads.
ccpa-category-geolocation = Where you are
    .description = Your location, from your device or network.
ccpa-category-sensory = Recordings and pictures
    .description = Sound, pictures, video and similar information.
ccpa-category-professional = Your work
    .description = Information about your job and career.
ccpa-category-education = Your education
    .description = Information about your schooling that is not public.
ccpa-category-inferences = Conclusions about you
    .description = A profile of your likes, traits and behaviour drawn from other information.
ccpa-category-sensitive = Sensitive personal information
    .description = Government ID numbers, account log-ins, precise location, health, beliefs and similar information.
