"""The thanks detector against labelled Slack messages and the scoping rules of issue 3.

The labelled files are JSON Lines in the `giveback detect` input format plus the expected `thanked`
list (see tests/data/thanks_examples.jsonl, a copy of ../shared/thanks/examples.jsonl).
Unseen-accuracy sets, each written before the detector was changed against it (figures when first
measured, before any fix): `thanks_holdout.jsonl` (written before the detector existed: P 1.000,
R 1.000), `thanks_holdout2.jsonl` (after the first tuning round: P 0.922, R 0.940),
`thanks_holdout3.jsonl` (after the second: P 0.951, R 0.967), `thanks_holdout4.jsonl` (after all
tuning: P 1.000, R 0.965), `thanks_holdout_independent.jsonl` (361 messages written by someone who
had not read the detector or the other sets: P 0.956, R 0.972), `thanks_holdout5.jsonl` (471 messages
by someone who had not seen the detector, measured before fixing: P 0.980, R 0.941),
`thanks_holdout6.jsonl` (471 messages by someone who had not seen the detector, multilingual; measured
before fixing: P 0.968, R 0.888), `thanks_holdout7.jsonl` (465 messages by someone who had not seen the
detector; measured before fixing: P 0.993, R 0.913), `thanks_holdout8.jsonl` (406 messages by someone who
had not seen the detector; measured before fixing: P 1.000, R 0.864), `thanks_holdout9.jsonl` (451 messages
from an open-source community and a research lab, by someone who had not seen the detector; measured
before fixing: P 0.940, R 0.955), `thanks_holdout10.jsonl` (466 messages from a logistics company, by
someone who had not seen the detector; measured before fixing: P 0.963, R 0.952), `thanks_holdout11.jsonl`
(454 messages from a hospital IT team and a design agency, by someone who had not seen the detector; measured
before fixing: P 0.988, R 0.911; one label changed afterwards — a sincere "Kudos to <@A> for rolling out
passwordless … that's a first in the history of this hospital" thanks A), `thanks_holdout12.jsonl` (465 messages
from a game studio, by someone who had not seen the detector; measured before fixing: P 0.991, R 0.868),
`thanks_holdout13.jsonl` (460 messages from a fintech, by someone who had not seen the detector; measured before
fixing: P 0.955, R 0.866), `thanks_holdout14.jsonl` (476 messages from a school district, by someone who had not
seen the detector; measured before fixing: P 0.982, R 0.851), `thanks_holdout15.jsonl` (459 messages from a newsroom,
by someone who had not seen the detector; measured before fixing: P 0.982, R 0.920), `thanks_holdout16.jsonl` (466
messages from a construction firm, by someone who had not seen the detector; measured before fixing: P 0.988,
R 0.923). Their misses were fixed afterwards, so they now guard against regressions; only a new set
measures unseen accuracy again. `thanks_holdout17.jsonl` (489 messages from a biotech: P 0.994, R 0.916) and
`thanks_holdout18.jsonl` (474 messages from a hotel group: P 0.935, R 0.869) were measured once after that. Their
false positives were then fixed as families (a thanks that declines or is said in advance, meeting notes naming
owners, blame with a giveaway sale) and three holdout-18 labels corrected (a bare "<@A> :pray:" /
":raised_hands:" and "dzięki za zastępstwo" thank A, as in every other set), which left them at P 0.994 / 1.000 and
R 0.916 / 0.882. Their misses were then fixed as families too (a recap crediting done work under a thanks to several,
"thank you all / both / three"; praise or address before a later thanks; praise without the word thanks; a second
person with a reason of their own): they now score P 1.000 / 1.000, R 0.989 / 1.000 (holdout 17's two missed pairs
follow a `&gt;&gt;&gt;` quote, which in Slack quotes the rest of the message) and are asserted like the others.
Holdouts 19–22 are kept in tests/data but not asserted: 19 scores P 1.000 / R 0.947, 20 0.993 / 0.835, 21 0.904 /
0.829, 22 0.929 / 0.829. Their writers count a thanks returned for praise or a welcome as no help received, where
the later writers of 25–28 count it as thanks; and 21/22 credit people inside long retros and RCAs.
Holdouts 23–28 were written blind as realistic traffic (a retailer, a developer-tools company, a game studio, a
non-profit, an airline, an architecture firm; 458–486 messages each) and scored once at 61e149f: P 0.987 / 0.993 /
1.000 / 0.985 / 0.986 / 0.973, R 0.974 / 0.911 / 0.933 / 0.866 / 0.993 / 0.979 (all six pooled: P 0.987, R 0.942).
The misses of 23–26 were then fixed as families (replies acknowledging the person they open with, accepted
offers, kudos and credit lists, thanks owed from before, thread replies thanking "all", more thanks words in
Latin letters); 27 and 28, still unseen, then scored P 0.986 / 0.980, R 0.993 / 0.986. One holdout-28 label was
corrected ("<@A> thanks for the Grasshopper script, saved me days" thanks A). All six are asserted.
Holdouts 29 (an insurer, 417 messages) and 30 (a food-delivery start-up, 405) were written blind the same way after
that round and scored once on the final build: P 0.978 / 0.977, R 0.957 / 0.985 as written. Two holdout-30 labels
were then corrected ("huge thanks to <@A> for sharing the Bangkok playbook…" and "ty <@A> for unblocking the deploy
pipeline…" thank A), which gives 30 P 0.992, R 0.985; 30 is asserted, 29 (P 0.978) is not.
Holdouts 31 (a car-sharing company, 469 messages) and 32 (a games publisher, ten languages, 470) were written blind
and scored once at f7eae1c: P 0.959 / 0.955, R 0.940 / 0.934. Their families fixed (392fde9), they score P 1.000 /
0.986, R 0.993 / 0.993 and are asserted. Holdouts 33 (a hospital group's IT; Spanish, Portuguese, Galician, Catalan,
Hindi; 459), 34 (a logistics start-up across East and South-East Asia; 469) and 35 (a payments company across
Europe and the Middle East, with Ukrainian; 462) were then written blind and scored once at 392fde9: P 0.944 /
0.959 / 0.993, R 0.849 / 0.959 / 0.839. After their families were fixed they score P 0.981 / 0.973 / 1.000, R 0.987 /
0.979 / 0.950: 33 and 35 are asserted, 34 (P 0.973: drink orders closed with a thanks, a favour that hurt) is not.
One label convention was settled then: praise said of a named person ("<@A> is the MVP of the team", "<@A> is a real
lifesaver") thanks them, as the blind sets' brief says; two older rows were relabelled to match.
Holdouts 36 (a university's research software group and partner labs; English, Spanish, Portuguese, French,
Italian, Japanese; 464) and 37 (a fashion retailer; English, Hindi, Arabic, Turkish, German, Polish, Indonesian; 463)
were written blind and scored once at 84e8ccd: P 0.972 / 0.985, R 0.896 / 0.881. Their families fixed, they score
P 0.980 / 1.000, R 0.968 / 0.954 and are asserted.
Holdouts 38 (a news company's newsroom and apps team, eleven languages; 455) and 39 (an open-source database company
and its community, thirteen languages; 458) were written blind and scored once at 6853504: P 0.939 / 0.972, R 0.933
/ 0.946. One holdout-38 label was corrected ("Thanks <@A> for introducing me to <@B>" thanks A, as the brief says).
Their families fixed, 38 scores P 0.960, R 0.953 (kept, not asserted: a list of assignments signed off "Thanks
everyone") and 39 P 0.993, R 0.973 (asserted).
Holdouts 40 (a construction firm; Spanish, Portuguese, French, Italian, Romanian, Polish, Moroccan Arabic; 445) and
41 (a telehealth start-up; Tagalog, Hindi, Vietnamese, Thai, Korean, Japanese, Chinese; 448) were written blind and
scored once at 944e491: P 0.984 / 0.918, R 0.924 / 0.866. After one short round on their families 40 scores P 1.000,
R 0.985 (asserted) and 41 P 0.947, R 0.887 (kept, not asserted: Thai and Vietnamese honorifics around the person,
recaps crediting people in bullets, replies answering the person they open with).
Thirteen more blind sets were written in stop 15, each scored once before its families were fixed (build in brackets):
42 (cross-border logistics; Thai, Vietnamese, Taglish) P 0.958 R 0.739, 43 (US healthcare SaaS; English only) P 0.984
R 0.766, 44 (a Nordic game studio; Swedish, Finnish, Estonian, Danish, Norwegian, Ukrainian) P 0.976 R 0.761, 45 (an
Indian payments company; Hinglish, Hindi, Tamil, Kannada, Arabic) P 0.985 R 0.849 [5ef101c]; 46 (industrial IoT;
German with Austrian and Swiss forms, Italian, French) P 0.952 R 0.793, 48 (a game and anime studio; Japanese, Korean,
Chinese) P 0.904 R 0.627, 49 (travel tech; Turkish, Greek and Greeklish, Hebrew, Arabic and Arabizi) P 0.954 R 0.839,
50 (a UK/Australian insurtech; English only) P 0.983 R 0.745 [a365df6]; 47 (a Latin American marketplace; Spanish,
Portuguese) P 0.986 R 0.853 [f9c2469]; 51 (a Central European dev shop; Polish, Czech, Slovak, Ukrainian, Russian)
P 0.947 R 0.862, 52 (a Québec retailer; Québécois French) P 0.947 R 0.805, 53 (a South-East Asian super-app; Singlish,
Malay, Indonesian, Taglish) P 0.942 R 0.750, 54 (an open-source database company; nine languages) P 0.969 R 0.813
[946dbcf]. Pooled: 6,002 messages, 2,019 pairs, P 0.961, R 0.786. After the round's fixes, 19 and 20 (older kept
sets) reach the target and are asserted; 42–54 are kept with the other sets below target, and their pooled score
may not fall (test_kept_holdouts_do_not_regress). The last four, 55 (a pan-African payments company; Pidgin, Swahili,
Zulu, Afrikaans, Twi), 56 (a Spanish hotel group; Catalan, Basque, Galician), 57 (a US non-profit; Spanish) and 58 (a
Benelux grocer; Dutch, Flemish, French, Luxembourgish), were scored once on the round's final rules (4662f45): P 1.000
/ 0.976 / 0.969 / 0.953, R 0.643 / 0.818 / 0.834 / 0.887, pooled over 1,861 messages P 0.972, R 0.796. They are kept
with the others. So are 59 (a US developer-tools company; English only), 60 (a fashion brand; Italian, Spanish,
European Portuguese, French), 61 (a Central Asian freight platform; Russian, Turkish, Kazakh, Uzbek) and 62 (an Indian
IT services firm; Hinglish, Marathi, Telugu), written while CI ran and scored once on the rules CI tested (b818e9d):
P 0.993 / 0.961 / 0.915 / 0.969, R 0.794 / 0.788 / 0.701 / 0.879, pooled over 1,848 messages P 0.961, R 0.789.
Sets 63 (a US marketing-analytics SaaS; English), 64 (a Berlin mobility start-up; German, Polish, Dutch), 65 (an
Iberian and Latin American insurtech; Spanish, Portuguese) and 66 (an Asia-Pacific travel app; Japanese, Korean,
Thai, Mandarin) were written with a stricter brief (bench/blind_set_brief.md): praise counts as thanks only for help
the author received. Scored once at 39b6124: P 0.973 / 0.973 / 0.916 / 0.972, R 0.966 / 0.905 / 0.877 / 0.915, pooled
over 1,850 messages P 0.958, R 0.915. Kept with the others.
Sets 67–82 were written in stop 16 with the brief aligned to the issue (bench/blind_set_brief.md): praise counts as
thanks when it credits help the author received, and public credit (kudos, shout-outs, props, h/t) counts; praise or
congratulations for someone's own achievement does not. 67 (a Norwegian salmon-farming tech firm; Norwegian, Polish,
Lithuanian), 68 (a Lagos fintech; Pidgin, Yoruba, Igbo, Hausa), 69 (a São Paulo/Buenos Aires marketplace), 70 (an
Osaka game studio; Japanese, Korean, Traditional Chinese), 71 (a Pune hospital-software firm; Hindi, Marathi, Tamil),
72 (a Hamburg freight firm; German, Turkish, Kurdish), 73 (a Tel Aviv/Kyiv security start-up; Hebrew, Ukrainian,
Russian) and 74 (a South-East Asian ride-hailing team; Indonesian, Vietnamese, Taglish, Thai) were scored once at
a359c15: P 0.942 / 0.946 / 0.963 / 0.880 / 0.936 / 0.969 / 0.910 / 0.959, R 0.807 / 0.799 / 0.739 / 0.796 / 0.929 /
0.869 / 0.818 / 0.819, pooled over 3,660 messages P 0.938, R 0.819. 75 (a Danish wind-turbine servicer; Danish,
German, Polish), 76 (a Medellín coffee exporter; Spanish, Amharic), 77 (a Cairo/Riyadh edtech; Egyptian and Gulf
Arabic, Arabizi), 78 (a Hsinchu/Seoul chip team), 79 (an Athens/Istanbul travel platform; Greek, Greeklish, Turkish),
80 (a Nairobi/Kampala health-data team; Swahili, Sheng, Luganda), 81 (a Warsaw streaming company; Polish, Ukrainian,
Czech) and 82 (a Milan/Paris fashion retailer; Italian, French) were written while that round's fixes went in and
scored once at 70282c3: P 0.978 / 0.951 / 0.918 / 0.938 / 0.951 / 0.943 / 0.945 / 0.962, R 0.795 / 0.806 / 0.752 /
0.823 / 0.830 / 0.777 / 0.873 / 0.842, pooled over 3,662 messages P 0.949, R 0.812. Four labels were corrected before
keeping them, each a plain thanks the writer left empty: "Huge thanks to <@A> for building the offline demo mode"
and "Podziękowania dla <@A> i <@B>" (67), "要謝謝 <@A> 半夜幫忙修 export job，還有 <@B> 補了…" (70), "Дякую <@A> за
стабільний staging … і <@B> за фікс" (73). All sixteen are kept with the others.

Sets 83–98 were written in stop 17 with the same brief. 83 (a Montréal/Lyon AI lab; English, Québécois and France
French), 84 (a Mexico City/Madrid insurer), 85 (an Austin/London/Sydney developer-tools start-up; English only), 86 (a
Shenzhen/Shanghai hardware maker; Simplified Chinese), 87 (a Tokyo payments company; Japanese), 88 (a
Rotterdam/Gothenburg port-software company; Dutch, Swedish), 89 (a Hanoi/Jakarta outsourcing firm; Vietnamese,
Indonesian) and 90 (a Berlin/Vienna/Zürich health-tech company; German, some Russian and Turkish) were scored once at
17760c7: P 0.968 / 0.979 / 0.986 / 0.922 / 0.944 / 0.953 / 0.948 / 0.980, R 0.916 / 0.916 / 0.849 / 0.764 / 0.726 /
0.792 / 0.896 / 0.937, pooled over 3,683 messages P 0.962, R 0.851. A second helper labelled the same 3,683 messages
without seeing the first labels: the two agree on 1,262 of 1,271 pairs (the second labelling scores P 0.998, R 0.993
against the first), so the labels are not where the detector's errors come from. 91 (a Seoul webtoon and games
studio; Korean), 92 (an Istanbul/Izmir marketplace; Turkish), 93 (a Moscow/Almaty/Tbilisi payments company;
Russian), 94 (a Mumbai/Delhi/Bengaluru SaaS company; Hinglish, Hindi), 95 (a São Paulo/Lisbon health-tech company),
96 (a Dubai/Amman logistics platform; Arabic, Levantine, Arabizi), 97 (a Bangkok/Manila hotel-booking company; Thai,
Taglish) and 98 (a US/Canadian non-profit software company; English only) were written while that round's fixes
went in and scored once at e1b3f5d: P 0.979 / 0.934 / 0.975 / 0.980 / 0.985 / 0.934 / 0.950 / 0.985, R 0.627 / 0.688
/ 0.812 / 0.896 / 0.868 / 0.789 / 0.854 / 0.870, pooled over 3,692 messages P 0.966, R 0.803. Three labels of older
sets were corrected in that round, each a plain thanks its writer left empty: "<@A> 這週 on-call 辛苦了" (70),
"<@A> bütçeyi onayladığın için sağ ol, hayat kurtardın" (38) and "<@A> tx, staging VPN cert works again" (51).
All sixteen new sets are kept with the others.

Sets 99–106 were written in stop 18 with the same brief. 99 (a Seoul payments app; Korean), 100 (an Istanbul
marketplace; Turkish), 101 (an Osaka mobile-game studio; Japanese), 102 (a Shenzhen/Taipei earbud maker; Simplified and
Traditional Chinese, some Cantonese), 103 (a US healthcare-scheduling SaaS; English only), 104 (a Hamburg/Wrocław
freight-software company; German, Polish), 105 (a São Paulo/Mexico City/Bogotá lender; Portuguese, Spanish) and 106 (a
Milan/Athens/Tel Aviv travel start-up; Italian, Greek, Hebrew) were scored once at a22082c: P 0.933 / 0.958 / 0.960 /
0.915 / 0.968 / 0.993 / 0.960 / 0.924, R 0.800 / 0.758 / 0.784 / 0.759 / 0.909 / 0.899 / 0.836 / 0.786, pooled over
3,661 messages P 0.953, R 0.819. Four labels were corrected before keeping them, each a plain thanks the writer left
empty: "h/t <@A> for the slot utilisation analysis" (100), and in 103 "thx <@A> for pairing on the numbers", "thanks
<@A> for pairing on that at an ungodly hour" and "Thank you <@A> for pulling the on-call load data" (with them the first
scoring is P 0.957, R 0.820). All eight are kept with the others. 107 (a Pangyo online-game company; Korean), 108 (an
Ankara/Istanbul bank's digital IT; Turkish), 109 (a Tokyo accounting SaaS; Japanese, some Vietnamese), 110 (a Hangzhou
cross-border shop; Simplified Chinese), 111 (a London/Dublin publisher; British, Irish and Nigerian English), 112 (a
Lyon/Brussels/Rotterdam energy operator; French, Dutch), 113 (a Dubai ride-hailing start-up; Russian, Gulf and Egyptian
Arabic) and 114 (a Singapore edtech company; Indonesian, Vietnamese, Thai, Hinglish, Singlish) were written while that
round's fixes went in and scored once at 095bcef: P 0.941 / 0.937 / 0.921 / 0.915 / 0.962 / 0.992 / 0.931 / 0.942,
R 0.732 / 0.707 / 0.812 / 0.659 / 0.765 / 0.880 / 0.890 / 0.860, pooled over 3,672 messages P 0.943, R 0.783 (with
three plain thanks of 114 its writer left empty corrected — "thanks <@A> for sharing the Songkran template", "big
thanks to <@A> for the runbook", "Huge thanks to <@A> who negotiated the venue" — P 0.946, R 0.784). All eight are kept
with the others.

Sets 115–122 were written in stop 19 with the same brief and scored once at bddfc64: 115 (a Mexico City/Bogotá/Buenos
Aires fintech; Latin American Spanish), 116 (a Warsaw/Kraków/Kyiv game studio; Polish, Ukrainian, Russian), 117 (a São
Paulo/Lisbon logistics platform; Brazilian and European Portuguese), 118 (a Stockholm/Amsterdam health-tech start-up;
Swedish, Dutch, some Finnish), 119 (a Bengaluru payroll SaaS; Indian English, Hindi, Hinglish, some Marathi and
Kannada), 120 (a Tel Aviv/Athens security firm; Hebrew, Greek), 121 (a Taipei/Hong Kong/Shenzhen hardware maker;
Traditional and Simplified Chinese, Cantonese) and 122 (a Munich/Vienna/Zurich/Milan mobility company; German, Swiss
German, Italian), each with English: P 0.965 / 0.977 / 0.977 / 0.986 / 0.966 / 0.971 / 0.934 / 0.974, R 0.889 / 0.928 /
0.848 / 0.918 / 0.875 / 0.844 / 0.953 / 0.907, pooled over 3,699 messages P 0.968, R 0.894. One label was corrected: in
117 a new starter's "obrigado <@A> pela paciência com o docker compose" in a standup thanks A for the set-up help (with
its writer's label, 117 scores P 0.969, R 0.847, and the pool is the same to three places). All eight are kept with the
others. 123 (a Madrid/Barcelona/Paris travel marketplace; Spain Spanish, French, some Catalan), 124 (a Seoul/Tokyo
webtoon platform; Korean, Japanese), 125 (an Istanbul/Jakarta/Ho Chi Minh City food-delivery company; Turkish,
Indonesian, Vietnamese) and 126 (a Toronto/Austin/Dublin developer-tools company; English only) were written while
that round's fixes went in and scored once at 0c4607b: P 0.962 / 0.954 / 0.960 / 0.969, R 0.933 / 0.832 / 0.896 /
0.846, pooled over 1,743 messages P 0.961, R 0.875 (stop 18's detector on them: P 0.961, R 0.873). They are kept with
the others as their writers labelled them. 127 (a Busan/Seoul port-logistics SaaS; Korean), 128 (a Fukuoka/Osaka
online shop; Japanese), 129 (a Beijing/Chengdu AI start-up; Simplified Chinese), 130 (an İzmir/Ankara
industrial-automation company; Turkish), 131 (a Nairobi/Lagos/Accra mobile-money company; Kenyan, Nigerian and
Ghanaian English, Swahili, Pidgin), 132 (a Kyiv/Tallinn/Warsaw email-security start-up; Ukrainian, Russian, Polish),
133 (a Cairo/Riyadh/Amman e-government contractor; Egyptian, Gulf and Levantine Arabic) and 134 (a Hanoi/Bangkok/Manila
outsourcing firm; Vietnamese, Thai, Taglish), each with English, were written while the 115–122 round went in and
scored once at 4f20ab1: P 0.908 / 0.917 / 0.909 / 0.983 / 0.963 / 0.966 / 0.963 / 0.934, R 0.768 / 0.841 / 0.759 /
0.731 / 0.855 / 0.911 / 0.891 / 0.940, pooled over 3,698 messages P 0.943, R 0.836 (stop 18's detector on them: P 0.944,
R 0.835). All eight are kept as their writers labelled them. 135 (a Daejeon/Seoul card fintech; Korean), 136 (a
Bursa/Istanbul fashion shop; Turkish), 137 (a Sapporo/Tokyo travel app; Japanese), 138 (a Guangzhou/Shanghai game
publisher; Simplified Chinese, Cantonese), 139 (a Barcelona/Berlin/Lyon climate-data start-up; Spanish, Catalan, German,
French) and 140 (a Mumbai/Hyderabad streaming company; Indian English, Hindi, Hinglish, some Telugu and Marathi) were
written while the 127–134 round went in and scored once at 6aa135c: P 0.938 / 0.949 / 0.977 / 0.888 / 0.934 / 0.950,
R 0.865 / 0.789 / 0.872 / 0.787 / 0.864 / 0.910, pooled over 2,630 messages P 0.940, R 0.849 (stop 18's detector on
them: P 0.939, R 0.829). All six are kept as their writers labelled them. 141 (a Lisbon/Rio insurance-tech company;
European and Brazilian Portuguese), 142 (an Amsterdam/Antwerp energy-trading software firm; Dutch, Flemish), 143 (a
Stockholm/Oslo/Helsinki edtech company; Swedish, Norwegian, some Finnish), 144 (a Warsaw e-grocery company; Polish),
145 (a Ho Chi Minh City/Jakarta super-app; Vietnamese, Indonesian), 146 (an Athens/Haifa/Dubai maritime-analytics
company; Greek, Hebrew, Arabic), 147 (a Tokyo/Seoul/Taipei test-equipment maker; Japanese, Korean, Traditional
Chinese) and 148 (a Rome/Paris/Madrid museum-ticketing platform; Italian, French, Spanish), each with English, were
written while the 135–140 round went in and scored once at bc0aa7c: P 0.959 / 0.963 / 0.979 / 0.953 / 0.984 / 0.959 /
0.930 / 0.961, R 0.842 / 0.752 / 0.914 / 0.860 / 0.837 / 0.887 / 0.904 / 0.930, pooled over 3,508 messages P 0.961,
R 0.868 (stop 18's detector on them: P 0.961, R 0.864). All eight are kept as their writers labelled them.
Sets 149–178 were written in stop 20 with the same brief, in four waves, each scored once on the committed build of
its moment: 149 (Chicago/Denver/Toronto route planning; English), 150 (Pangyo mobile bank; Korean), 151 (Osaka/Fukuoka
factory IoT; Japanese), 152 (Beijing/Chengdu computer vision; Chinese), 153 (Ankara/Istanbul food delivery; Turkish),
155 (Pune/Hyderabad insurance; Indian English, Hinglish, Hindi, Marathi) and 156 (Bangkok/Riyadh/Cairo travel; Thai,
Gulf and Egyptian Arabic) at 7559325, 154 (Kyiv/Warsaw/Tallinn agency; Ukrainian, Russian, Polish) at 33defba — P 0.961,
R 0.860 over 3,728 messages; 157–164 (Melbourne/Auckland/Cape Town database; Seoul/Tokyo streaming; Taipei/Hong Kong
semiconductors; Buenos Aires/Bogotá/Porto Alegre agritech; Hamburg/Amsterdam/Brussels e-bikes; Istanbul/Izmir/Berlin
games; Ho Chi Minh City/Jakarta/Manila e-wallet; Tel Aviv/Athens/Limassol security) at eec5974 — P 0.961, R 0.885;
165–172 (Boston/Atlanta/Dublin scheduling; Busan/Daejeon logistics; Tokyo HR; Shenzhen/Singapore payments; Bursa car
parts; Lviv/Almaty games; Marseille/Turin/Valencia energy; Chennai/Noida edtech) at b2a599d — P 0.961, R 0.864;
173–178 (Seoul live commerce; Izmir/Antalya hotels; Kyoto game engine; Seattle/Edinburgh climate data; Guangzhou/Wuhan
EV charging; Kraków/Brno compliance) at 056ab05 and 944c1d1 — P 0.952, R 0.805; 179–184 (London/Lagos claims;
Incheon airline software; Istanbul fintech; Yokohama/Shanghai robotics; Lima/Santiago/Lisbon mining; Dubai/Hyderabad
logistics), written at the end and scored after the four rounds, at ff92a09 — P 0.968, R 0.864. Pooled over all
thirty-six: P 0.961, R 0.858 (stop 19's detector on them: P 0.961, R 0.856). All are kept as their writers labelled
them.
Stop 21 added the learned model (bot/detector.py, step 6), trained on every labelled file here. Sets 185–190 (Chicago/
Toronto/Dublin warehouse routing; Seoul/Busan mobile bank; Tokyo/Fukuoka fulfilment; Hangzhou/Chengdu/Taipei cloud
gaming; Ankara/Istanbul/Berlin drone software; Milan/Barcelona/Lyon fashion retail) were written before it was trained
and scored once: the rules of e0a760a P 0.955, R 0.841; the rules with the model trained on sets up to 184 P 0.963,
R 0.873. Sets 191–196 (Manchester/Edinburgh/Bangalore insurance claims; Seoul/Suwon semiconductor equipment;
Nagoya/Tokyo automotive software; Hong Kong/Shenzhen/Singapore payments; Istanbul/Eskişehir/Amsterdam pharmacy;
Warsaw/Kyiv/Vilnius/Prague developer tools) were scored once with the model trained on sets up to 190 (451355b):
P 0.938, R 0.898 (the rules alone P 0.937, R 0.854). Sets 197–202 (San Francisco/Austin/New York payroll; Daegu/Seoul/
Gwangju hospital software; Sendai/Sapporo/Tokyo greenhouse sensors; Beijing/Shanghai/Shenzhen driving simulation;
Izmir/Istanbul/London textile exports; São Paulo/Mexico City/Bogotá/Madrid ride-hailing) were scored once with the
model trained on sets up to 196 (e5073c3): P 0.965, R 0.859 (the rules alone P 0.967, R 0.802). Since then every kept
set is also the model's training data: they guard against regressions, and only a new set measures unseen accuracy.
Sets 203–208 (Amsterdam/Rotterdam bike sharing; Kraków game studio; Ho Chi Minh City/Hanoi marketplace; Tel Aviv/Amman/
London incident response; Jakarta/Surabaya delivery; Gothenburg/Piraeus port software) were scored once with the model
trained on sets up to 202 (b4fee83): P 0.960, R 0.875 (per set P 0.958/0.966/0.902/0.979/0.966/0.993, R 0.890/0.966/
0.873/0.905/0.740/0.877); the rules alone P 0.966, R 0.846. Their misses in Indonesian and Javanese ("suwun",
"nuwun nggih", "tq mbak", "makasihh") became words of thanks, and the model was retrained on sets up to 208.
"""

from __future__ import annotations

import json
import math
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from bench.traffic import generate_messages
from bot import detector
from bot.detector import MAX_CHARS, Thanks, detect_thanks

DATA = Path(__file__).resolve().parent.parent / "data"
# Bot users of the examples' workspace: text cannot tell them apart, the capture pipeline drops them
# after detection (../shared/thanks/README.md), so a prediction naming them is neither right nor wrong.
BOTS = frozenset({"U0AGVBK2Y3Z", "U0BDPLY3Z4A", "U0CJRBT4A5B"})


def _load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _predict(row: dict) -> list[str]:
    found = detect_thanks(row["text"], row["author"], row["thread_parent_author"])
    return [t.user_id for t in found if t.user_id not in BOTS]


def _score(rows: list[dict]) -> tuple[float, float, list[str]]:
    """Precision and recall over (message, thanked user) pairs, plus a readable confusion list."""
    tp = fp = fn = 0
    confusion: list[str] = []
    for row in rows:
        want = {u for u in row["thanked"] if u not in BOTS}
        got = set(_predict(row))
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        if want != got:
            confusion.append(f"missed={sorted(want - got)} extra={sorted(got - want)} text={row['text']!r}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, confusion


EXAMPLES = _load("thanks_examples.jsonl")


@pytest.mark.parametrize("row", EXAMPLES, ids=[r["text"][:40] for r in EXAMPLES])
def test_shared_example(row: dict) -> None:
    want = [u for u in row["thanked"] if u not in BOTS]
    assert sorted(_predict(row)) == sorted(want)


@pytest.mark.parametrize(
    "name",
    [
        "thanks_examples.jsonl",
        "thanks_labelled.jsonl",
        "thanks_holdout.jsonl",
        "thanks_holdout2.jsonl",
        "thanks_holdout3.jsonl",
        "thanks_holdout4.jsonl",
        "thanks_holdout_independent.jsonl",
        "thanks_holdout5.jsonl",
        "thanks_holdout6.jsonl",
        "thanks_holdout7.jsonl",
        "thanks_holdout8.jsonl",
        "thanks_holdout9.jsonl",
        "thanks_holdout10.jsonl",
        "thanks_holdout11.jsonl",
        "thanks_holdout12.jsonl",
        "thanks_holdout13.jsonl",
        "thanks_holdout14.jsonl",
        "thanks_holdout15.jsonl",
        "thanks_holdout16.jsonl",
        "thanks_holdout17.jsonl",
        "thanks_holdout18.jsonl",
        "thanks_holdout19.jsonl",
        "thanks_holdout20.jsonl",
        "thanks_holdout23.jsonl",
        "thanks_holdout24.jsonl",
        "thanks_holdout25.jsonl",
        "thanks_holdout26.jsonl",
        "thanks_holdout27.jsonl",
        "thanks_holdout28.jsonl",
        "thanks_holdout30.jsonl",
        "thanks_holdout31.jsonl",
        "thanks_holdout32.jsonl",
        "thanks_holdout33.jsonl",
        "thanks_holdout35.jsonl",
        "thanks_holdout36.jsonl",
        "thanks_holdout37.jsonl",
        "thanks_holdout39.jsonl",
        "thanks_holdout40.jsonl",
    ],
)
def test_accuracy_on_labelled_set(name: str) -> None:
    rows = _load(name)
    precision, recall, confusion = _score(rows)
    report = f"{name}: precision={precision:.3f} recall={recall:.3f} over {len(rows)} messages\n" + "\n".join(confusion)
    print(report)
    assert precision >= 0.98, report
    assert recall >= 0.95, report


# The blind sets kept but not (yet) at the target: their pooled score may not fall while their families are worked on.
# (Sets 353-358, scored once with stop 30's final build, wait in tests/data for their fixes before they join.)
KEPT_HOLDOUTS = [f"thanks_holdout{n}.jsonl" for n in (21, 22, 29, 34, 38, 41, *range(42, 353))]


def test_kept_holdouts_do_not_regress() -> None:
    rows = [row for name in KEPT_HOLDOUTS for row in _load(name)]
    precision, recall, confusion = _score(rows)
    report = f"kept holdouts: precision={precision:.3f} recall={recall:.3f} over {len(rows)} messages"
    print(report + "\n" + "\n".join(confusion))
    # (pooled with sets 63–66 added: P 0.967, R 0.876; with 67–82 and their round's fixes: P 0.970, R 0.880; with
    # 83–98 and theirs: P 0.972, R 0.882; with 99–106 and theirs: P 0.972, R 0.883; with 107–114 and theirs: P 0.970,
    # R 0.876; with 115–122 and theirs: P 0.970, R 0.882; with 123–126: P 0.969, R 0.882; with 127–134 and theirs:
    # P 0.968, R 0.882; with 135–140 and theirs: P 0.968, R 0.885; with 141–148 and a few of theirs: P 0.967, R 0.885;
    # with 149–184 and theirs: P 0.967, R 0.884; with 185–202 and the learned model, trained on all of them: P 0.999,
    # R 0.960 — the rules alone P 0.966, R 0.879; with 203–208, their Indonesian/Javanese words and the model retrained:
    # P 0.998, R 0.960 — the rules alone P 0.965, R 0.878; the model refitted on its stop-23 features: the same; with
    # 209–214, a few of their families fixed and the model retrained: P 0.998, R 0.961; with 215–232: P 0.998, R 0.964;
    # with 233–244: P 0.998, R 0.966; with 245–298: P 0.991, R 0.969; with 299–310, their families fixed and the model
    # retrained: P 0.991, R 0.969; with 311–316 and theirs: P 0.991, R 0.969)
    assert precision >= 0.99, report
    assert recall >= 0.95, report


def test_the_model_weighs_only_messages_with_a_word_of_thanks() -> None:
    assert detector.model_buckets("<@UA> can you review this?", "UME") == []
    assert detector.model_buckets("thanks!", "UME") == []  # nobody to thank
    weighed = dict(detector.model_buckets("thanks <@UA> for the review, cc <@UB>", "UME", bits=20))
    assert list(weighed) == ["UA", "UB"]
    assert all(0 <= bucket < 1 << 20 for buckets in weighed.values() for bucket in buckets)
    assert weighed["UA"] != weighed["UB"]  # the words around each, and what the rules said of each, differ
    # in a thread, the parent's author too
    assert [c for c, _ in detector.model_buckets("thanks <@UA>!", "UME", "UP")] == ["UA", "UP"]


def test_the_model_weighs_a_bounded_number_of_people() -> None:
    people = [f"U{i:04d}" for i in range(30)]
    text = "thanks " + " ".join(f"<@{u}>" for u in people) + " for the offsite"
    assert [candidate for candidate, _ in detector.model_buckets(text, "UME")] == people[:20]
    assert _ids(text) == people  # those past the twentieth keep the rules' answer


def _pairs_right_and_wrong(rows: list[dict]) -> tuple[int, int]:
    """(thanked pairs found, pairs wrongly found or missed) by the pure-Python detector."""
    right = wrong = 0
    for row in rows:
        want = set(row["thanked"])
        found = detector.python_detect_thanks(row["text"], row["author"], row["thread_parent_author"])
        got = {t.user_id for t in found}
        right, wrong = right + len(want & got), wrong + len(want ^ got)
    return right, wrong


def test_the_shipped_model_is_read_and_answers_better_than_the_rules_alone() -> None:
    weights = detector._weights()
    assert weights.loaded
    rows = [row for name in KEPT_HOLDOUTS[-6:] for row in _load(name)]
    with_model = _pairs_right_and_wrong(rows)
    try:
        detector._WEIGHTS = detector._Weights(None)  # what a checkout without thanks_model.bin reads
        rules_alone = _pairs_right_and_wrong(rows)
    finally:
        detector._WEIGHTS = weights
    assert with_model[0] > rules_alone[0] and with_model[1] < rules_alone[1], (with_model, rules_alone)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a model",
        detector._MODEL_MAGIC + b"18 0.001 0.0 0.7\n" + b"\x00\x00" * 5,
        detector._MODEL_MAGIC + b"18 0.001\n" + b"\x00\x00" * (1 << 18),
        detector._MODEL_MAGIC + b"2 0.001 nan 0.7\n" + b"\x00\x00" * 4,
        detector._MODEL_MAGIC + b"2 0.001 0.0 0.7\n" + b"\x00\x00\x00",
        detector._MODEL_MAGIC + b"18 0.001 0.0 0.7",
        b"giveback-thanks-model 1\n2 0.001 0.0 0.7\n" + b"\x00\x00" * 4,
    ],
    ids=["empty", "foreign", "truncated", "short header", "not a number", "odd length", "no weights", "version 1"],
)
def test_a_missing_or_broken_model_leaves_the_rules_to_answer(data: bytes) -> None:
    assert not detector._Weights(data).loaded


def test_the_bot_weighs_each_person_as_the_model_reads_them() -> None:
    # The detector adds up a message's weights once and changes only what differs at each person's mention; that must
    # be the very sum of the features model_buckets lists (what training fits), for every person of every message.
    weights = detector._weights()
    bits = weights.mask.bit_length()
    rows = [row for name in ["thanks_labelled.jsonl", *KEPT_HOLDOUTS[-6:]] for row in _load(name)]
    rows += generate_messages(4000, seed=11)
    weighed = 0
    for row in rows:
        text, author, parent = row["text"], row["author"], row.get("thread_parent_author")
        from_features = [
            (person, weights.probability(weights.total(buckets)))
            for person, buckets in detector.model_buckets(text, author, parent, bits)
        ]
        assert detector.model_scores(text, author, parent) == from_features, text
        weighed += len(from_features)
    assert weighed > 3000


def test_a_whole_model_file_is_read() -> None:
    weights = detector._Weights(detector._MODEL_MAGIC + b"2 0.5 -1.0 0.7\n" + b"\x02\x00" * 4)
    assert weights.loaded and weights.mask == 3 and weights.threshold == 0.7
    assert weights.probability(weights.total([0, 1])) == pytest.approx(1 / (1 + math.exp(-(-1.0 + 0.5 * 4))))


def test_labelled_set_is_mostly_chatter_that_mentions_people() -> None:
    rows = _load("thanks_labelled.jsonl")
    chatter = [r for r in rows if not r["thanked"]]
    with_mentions = [r for r in chatter if "<@" in r["text"]]
    assert len(rows) >= 400
    assert len(chatter) > len(rows) / 2
    assert len(with_mentions) > len(chatter) * 0.8


def _ids(text: str, author: str = "UME", parent: str | None = None) -> list[str]:
    return [t.user_id for t in detect_thanks(text, author, parent)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thanks <@UA> for introducing me to <@UB>", ["UA"]),
        ("thanks <@UA>, cc <@UB>", ["UA"]),
        ("thanks <@UA>! <@UB> can you merge?", ["UA"]),
        ("<@UA> thanks for the PR. <@UB> thanks for the review", ["UA", "UB"]),
        ("thanks <@UA> and <@UB|bob>!", ["UA", "UB"]),
        ("<@UB> thanks! <@UA> thank you too. <@UB> :pray:", ["UB", "UA"]),
    ],
)
def test_scope_of_a_thanks(text: str, expected: list[str]) -> None:
    assert _ids(text) == expected


def test_thanks_to_someone_is_credit_unless_harm_follows() -> None:
    assert _ids("thanks to <@UA> we tracked down the bug") == ["UA"]
    assert _ids("thanks to <@UA> the site was down for an hour") == []
    assert _ids("thanks to <@UA>'s cron every invoice was sent twice") == []
    assert _ids("thanks to <@UA>'s refactor the build is twice as fast") == ["UA"]


def test_a_harm_that_was_averted_is_still_credit() -> None:
    assert _ids("thanks to <@UA> we caught it before an outage") == ["UA"]
    assert _ids("thanks to <@UA>'s fix the error rate went down") == ["UA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("🙏 <@UA> for the quick review", ["UA"]),
        (":pray: <@UA> for covering my shift. <@UB> you're on next week", ["UA"]),
        ("grateful for <@UA> today, she stayed late", ["UA"]),
        ("<@UA>'s one-liner fixed it. thank you!!", ["UA"]),
        ("fixed by <@UA>. thanks!", ["UA"]),
        ("<@UA> fixed it. <@UB> can you deploy? thanks", []),
        ("Herzlichen Dank an <@UA> und <@UB>!", ["UA", "UB"]),
        ("<@UA> ti ringrazio per la pazienza", ["UA"]),
        # (from sets 209-214's misses)
        ("Je voulais remercier officiellement <@UA> et <@UB> pour la résolution", ["UA", "UB"]),
        ("<@UA> mille mercis !", ["UA"]),
        ("<@UA> tx pour le check, bon week-end !", ["UA"]),
        ("thanks <@UA> for the cache, and also to <@UB> for covering my shift", ["UA", "UB"]),
        ("grazie a <@UA> per il cache, e anche a <@UB> per il turno", ["UA", "UB"]),
        ("thank you all, <@UA> <@UB>!", ["UA", "UB"]),
        # (from stop 25: sets 209-214's remaining misses, then sets 215-232's, each set after its one scoring)
        ("Danke euch allen, <@UA> <@UB>!", ["UA", "UB"]),
        ("dank jullie, <@UA> en <@UB>", ["UA", "UB"]),
        ("Release notes below. A few thank-yous:\n— <@UA> for the export fix\n— <@UB> for the canary", ["UA", "UB"]),
        ("Big thanks this week:\n→ <@UA> for the export fix\n→ <@UB> for the canary", ["UA", "UB"]),
        # a thanks for something done, after a request to the same person
        ("<@UA> yes please add icons. thx for catching that", ["UA"]),
        ("<@UA> can you review my PR? thanks for your help", []),
        ("testado, está tudo bem. Obrigada <@UA>!", ["UA"]),
        # a catch or a call that spared the author something
        ("<@UA> clutch catch on the waitlist bug, clinics would've been so confused", ["UA"]),
        ("<@UA> welcome back — and nice save on the issuer outage, that would've taken us an hour", ["UA"]),
        ("<@UA> good catch, fixing", []),
        ("Il merito è quasi tutto di <@UA> e <@UB>", ["UA", "UB"]),
        ("Big thanks to everyone who reported the fake email, and to <@UA> for tuning the WAF rules", ["UA"]),
        ("btw pasib <@UA> for the otel setup help yesterday", ["UA"]),
        ("sps <@UA> за помощь с новым кластером", ["UA"]),
        ("<@UA> love it 🥰 all credit to you for shipping it in a day!", ["UA"]),
        ("Eh <@UA> the brochures arrived! thanks for pushing the printer to deliver early", ["UA"]),
        ("<@UA> 帮我看一下网口那个位置的焊接。谢谢！", []),
        ("<@UA> <@UB> jazakum Allah khair for the report", ["UA", "UB"]),
        ("kol hakavod <@UA> on NOTIF-140, that would have taken me weeks", ["UA"]),
        ("Outcome of the sync with <@UA> and <@UB>:\n- one\n- two\nMapping fixed. Thanks both!", ["UA", "UB"]),
        ("<@UA> and <@UB> need a hand with the move on Friday. Thanks both", []),
        ("Thanks everyone who jumped in — <@UA> <@UB> — and <@UC> for handling the customer", ["UA", "UB", "UC"]),
        ("<@UA> tamam el7amdulillah, shukran! one large please", []),
        ("<@UA> tamam, sağ ol", ["UA"]),
        ("stage 1 全部成功 🎉 感谢 <@UA> 盯进度，<@UB> 现场验证，<@UC> 看 broker 🙏", ["UA", "UB", "UC"]),
        ("谢谢 <@UA> 的修复，<@UB> 那边的数据已经同步了", ["UA"]),
        ("谢谢静姐！每次都安排得这么好 🥹 <@UA>", ["UA"]),
        ("谢谢。构建又红了 <@UA>", []),
        ("Thanks all for a great day! And especially <@UA>, who stayed 14 hours", ["UA"]),
        ("Thanks everyone! And <@UA>, who will present next week, please prepare", []),
        ("Gràcies a tot l'equip de BCN, i sobretot a <@UA> pel certificat de Bizum.", ["UA"]),
        ("APROBADA!!! 🎉🎉 <@UA> te debo unos tacos", ["UA"]),
        ("<@UA> te debo el informe", []),
        ("<@UA> són perfectes. Moltíssimes gràcies, m'has salvat la setmana ❤️", ["UA"]),
        ("handled beautifully by <@UA> — saved me from having to log on during dinner", ["UA"]),
        ("<@UA> the filter on the dashboard is 🔥, saved me writing a query", ["UA"]),
        ("<@UA> thanks! it was fun :blush:", []),
        ("that was fun! ty <@UA> for running such a tight show", ["UA"]),
        ("<@UA> thanks, she's better already, just a cold", []),
        (
            "Admin stuff:\n1. Fire drill Thu 10am, pls follow the wardens\n2. Christmas party: <@UA> has kindly "
            "volunteered to organise — thank you Jasmine! 🎄",
            ["UA"],
        ),
        ("• can you review the deck <@UA>?\n• thanks!", []),
        ("<@UA> <@UB> whenever you get a chance, thanks!", []),
        ("<@UA> would love your eyes on commit 3, thanks!", []),
        ("<@UA> chur bro", ["UA"]),
        ("ka pai, ngā mihi <@UA>", ["UA"]),
        ("<@UA> nah I'm right thanks, had a big brekkie", []),
        ("<@UA> 👏👏 덕분에 오늘 오후 쿠폰 문의 2건밖에 없었어요", ["UA"]),
        ("<@UA>님 CS 어드민 배포 덕분에 상담사 전원 로그아웃됐어요~ 아주 감사합니다 ^^ /s", []),
        ("<@UA> 지호님 최고 👍 바로 넣을게요", ["UA"]),
        ("<@UA> 현장 반응 최고", []),
        ("<@UA> 오 37%면 역대급인데요? 👏 시트까지 바로 업데이트해주셔서 감사해요", ["UA"]),
        ("<@UA> 이거 확인해 주실 수 있나요? 감사합니다", []),
        ("<@UA> さん神。これで午後も戦えるわ :coffee:", ["UA"]),
        ("<@UA> 神戸のお土産です", []),
        ("<@UA> さんの新 PR テンプレのおかげで、12 個押す生活が始まりました。ありがとうございます（棒）", []),
        ("<@UA> much better now, thanks! how about you?", []),
        ("<@UB> ぜひお願いします！<@UA> さん、つないでくださってありがとうございます", ["UA"]),
        ("<@UA> さん、タップ領域を適用したら押しミスの報告ゼロになりました。教えてもらったおかげです！", ["UA"]),
        (
            "Top reviewers last week: <@UA> (23 reviews), <@UB> (19), <@UC> (15). Thank you three for carrying us",
            ["UA", "UB", "UC"],
        ),
        ("<@UA> gentle reminder to sign the offer letters in DocuSign 🙏 Thanks!", []),
        ("<@UA> queria agradecer-te pelas macros novas", ["UA"]),
        ("Je voulais dire merci à tous pour ce matin. <@UA> <@UB> vous êtes top.", ["UA", "UB"]),
        ("Merito di <@UA> che ha chiamato il direttore tre volte :telephone_receiver:", ["UA"]),
        ("PR for the 409 handling: <@UA> <@UB> reviews appreciated, no rush — Monday is fine", []),
        ("5.12.1 submitted 🚀 <@UA> regression on Android 14 when you can, makasih!", []),
        ("<@UA> your review was much appreciated!", ["UA"]),
        ("Staging k8s is on 1.29 :white_check_mark: cert-manager needed a bump too, good call <@UA>", ["UA"]),
        ("good call <@UA>, can you take it from here? thanks", []),
        ("<@UA> 헐 벌써 다 돌리셨어요? 준영님 없었으면 오늘 심사 못 넣었어요 진짜 감사합니다 🙇‍♀️", ["UA"]),
        ("<@UA> 넵 ㅠ 템플릿에 넣어주시면 감사하죠..", []),
        ("런북 추가했습니다. 감사하게도 <@UA> 님이 휴가 전에 절차까지 적어주셔서 금방 했어요", ["UA"]),
        ("<@UA> Thanks, but I've got a client lunch today. Next time!", []),
        ("<@UA> de dedupe query draait nu in 4 min ipv 40, die index-tip van je was goud waard. dank!", ["UA"]),
        ("dank memes are the best <@UA>", []),
        ("<@UA> <@UB> ik heb vandaag 14 afspraken verzet in 20 minuten. jullie zijn helden :star2:", ["UA", "UB"]),
        ("Der Kaffeeautomat ist repariert. Dank geht an <@UA>, der offenbar auch Installateur ist", ["UA"]),
        ("<@UA> <@UB> goeie punten, allebei verwerkt. dank jullie", ["UA", "UB"]),
        ("Danke vöumou <@UA> für s'Organisiere vom Offsite-Hotel", ["UA"]),
        ("<@UA> ja, wij gebruiken hem voor de risicolimieten, graag laten staan :pray:", []),
        ("ah you're a wee gem <@UA>", ["UA"]),
        ("<@UA> <@UB> ye're both absolute legends for doing that one on the fly", ["UA", "UB"]),
        ("you're the best person to ask <@UA>", []),
        ("There's a tab behind the bar courtesy of <@UA>, so thank her when you see her :beers:", []),
        ("restaurado, vlww <@UA>", ["UA"]),
        ("adicionei. brigaduu <@UA>", ["UA"]),
        ("boa pegada, <@UA>!! isso ia dar problema logo no primeiro vencimento. corrigido", ["UA"]),
        ("que diferença!! <@UA> arrasou. o time tava sofrendo há semanas, salvou a gente", ["UA"]),
        ("<@UA> ninguém me salvou", []),
        # (a closing emoji after the praise, as a shortcode or a character, keeps it a thanks)
        ("<@UA> salvou!!! passo aí depois do almoço", ["UA"]),
        ("<@UA> listo, te pasaste :ok_hand:", ["UA"]),
        ("<@UA> ricevuti, gentilissimo :blush:", ["UA"]),
        ("<@UA> that was it. bless 🙏🏾", ["UA"]),
        ("<@UA> kral 👑 çıkıyorum", ["UA"]),
        ("thanks <@UA>! and <@UB> too", ["UA", "UB"]),
        ("top merci <@UA> ! et <@UB> aussi pour le partage", ["UA", "UB"]),
        ("Heads up: thanks to <@UA>'s firewall change, the handhelds couldn't reach the sandbox for an hour", []),
        ("<@UA> the Thank a Teacher form breaks on Safari 14", []),
        (
            "Números de <@UA> y <@UB>:\n• Costo: ~USD 2,900/mes\nGracias a los dos por sacarlo en tiempo récord 🙏",
            ["UA", "UB"],
        ),
        ("<@UA> preguntó por el informe y <@UB> olvidó la llave. Gracias a los dos por la paciencia", []),
        ("Perfect, that's exactly what I needed. Mòran taing <@UA>!", ["UA"]),
        ("Míle buíochas <@UA> and <@UB> — the HSE asked for a rerun and you had it back in 40 minutes", ["UA", "UB"]),
        ("Yeah please. Good shout <@UA> — I'll freeze time with `freezegun` in the meantime", ["UA"]),
        # a quote typed after a colon inside a line
        ("<@UA> what did the survey say? quoting a courier: &gt; thank you for the new bonus", []),
        # (from stop 26: sets 233-238, each after its one scoring)
        ("Ευχαριστώ και την <@UA> που με βοήθησε με τα slides", ["UA"]),
        ("Θα ήθελα να πω ένα δημόσιο ευχαριστώ στον <@UA> και στον <@UB>: ο λογαριασμός έπεσε", ["UA", "UB"]),
        ("<@UA> α ναι. οκ ευχαριστώ", ["UA"]),
        ("<@UA> το doc σου ήταν σωτήριο, δεν θα το είχα καταλάβει αλλιώς", ["UA"]),
        ("<@UA> με έσωσες, σε χρωστάω μία μεγάλη", ["UA"]),
        ("<@UA> you're doing the lord's work", ["UA"]),
        ("bhai <@UA> tu bhagwan hai, the doc you sent got me through the call", ["UA"]),
        ("Quick gratitude post: <@UA> for the calmest launch, <@UB> for the invoice work", ["UA", "UB"]),
        ("standup: B: none. also tx <@UA> for the replica fix over the weekend", ["UA"]),
        ("<@UA> din timeout-PR räddade oss i natt. Bra tänkt 👏", ["UA"]),
        ("<@UA> nice find, this is the root cause of LNF-1471. kudos", ["UA"]),
        ("<@UA> <@UB> great news. Also want to call out <@UC>, who renegotiated the contract. Kudos.", ["UC"]),
        (
            "A few people helped me a lot:\n• <@UA> – patiently explained debugging\n• <@UB> – reviews that teach\n\n"
            "Thanks to all of you, really.",
            ["UA", "UB"],
        ),
        ("Tackar båda! <@UA> <@UB> mergar när Fatima har testat", ["UA", "UB"]),
        ("<@UA> *bows deeply* it looks stunning", ["UA"]),
        # (from stop 27: sets 245-250, each after its one scoring)
        ("graize <@UA> per aver sistemato il tooltip", ["UA"]),
        ("<@UA> gracais!! era justo eso", ["UA"]),
        ("the cows graze all day, <@UA> can you check the fence?", []),
        ("<@UA> perfetto, ricevute. il bold va bene. grazie, ora non ho più scuse", ["UA"]),
        ("<@UA> ahaha grazie ma non dovevate :flushed: ci sono!", ["UA"]),
        ("<@UA> vista, perfetta. Un ringraziamento sincero anche da parte di tutto il team", ["UA"]),
        ("<@UA> :heart: il team ringrazia di cuore", ["UA"]),
        ("<@UA> troppo gentile, i test mi erano sfuggiti completamente. grazie davvero", ["UA"]),
        ("أود أن أشكر فريق العمليات، وخصوصاً <@UA> و <@UB>، على جهودهم", ["UA", "UB"]),
        ("perfect, yslmo <@UA> 🌸", ["UA"]),
        ("the offline queue worked perfectly, ya3tiki el3afya <@UA>", ["UA"]),
        ("ya sater, 3 years w ana 3amel kda. tesalem edek ya <@UA> ❤️", ["UA"]),
        ("shukran gedan le <@UA>, your reviews taught me a lot. w shukran le <@UB> 3ala el squawk", ["UA", "UB"]),
        ("<@UA> ik ben u een pint schuldig 🍺", ["UA"]),
        ("namens het team wil ik <@UA>, <@UB> en <@UC> hartelijk bedanken voor hun inzet", ["UA", "UB", "UC"]),
        ("gevonden, ge zijt een redder <@UA>", ["UA"]),
        ("*buigt diep voor <@UA>* die nog een regressie draaide", ["UA"]),
        ("Kudos naar <@UA> voor de icon set en naar <@UB> voor het meedenken", ["UA", "UB"]),
        ("Aw 😊 al moet de eer ook naar <@UA>, die de flaky test heeft opgelost", ["UA"]),
        ("Kia ora <@UA> for the cloned farm, it's perfect for this", ["UA"]),
        ("<@UA> thorough as always, ta — fixing the grazing plan one first", ["UA"]),
        ("<@UA> ka rawe, tēnā koe — that's exactly the number I was hoping for", ["UA"]),
        ("It was a team effort honestly, and <@UA>'s reconciliation reports saved us weeks", ["UA"]),
        ("<@UA> 님 헉 그래서 계속 이상했구나.. 감사합ㄴ다 ㅠㅠ", ["UA"]),
        ("it was x86 running under Rosetta 🙃 switched to arm64, 40 sec now. thx <@UA>!!", ["UA"]),
        # (from stop 27's final wave, sets 251-256, after their one scoring)
        ("<@UA> 180ms 🚀 אלוף", ["UA"]),
        ("<@UA> <@UB> הצלתם לי את היום, הם כבר התחילו לדבר על churn", ["UA", "UB"]),
        ("<@UA> אתה צודק!!! עובד. כפרה עליך", ["UA"]),
        ("<@UA> <@UB> שני הממצאים סגורים 🎉 אתם תותחים", ["UA", "UB"]),
        ('ה-VPN refresh עבר ל-Jamf 🎉 ח"ח <@UA> שזכר', ["UA"]),
        ("<@UA> אוף. ראיתי ושכחתי לבדוק 🙈 תודה שתפסת לפני שזה פג", ["UA"]),
        ("Cảm ơn anh <@UA> review kiên nhẫn 27 comment và anh <@UB> giải thích conflict resolution.", ["UA", "UB"]),
        ("Nhanh gọn. Cảm ơn <@UA> đã xử lý, em <@UB> viết postmortem giúp anh nha", ["UA"]),
        ("chạy rồi anh ơiii 😭 mơn anh <@UA> nhiều lắm", ["UA"]),
        ("Credit cho <@UA> với <@UB> nha anh, 2 bạn verify data migration tới 2h sáng", ["UA", "UB"]),
        ("<@UA> vào được rồi chị, tx chị 😘", ["UA"]),
        ("感谢 <@UA> 的新插画，<@UB> 的分享接口，<@UC> 两轮回归。<@UD> iOS 那边加油 💪", ["UA", "UB", "UC"]),
        ("感谢 <@UA> 介绍的那家注塑厂，样品质量好多了，<@UB> 也看过了觉得 ok", ["UA"]),
        ("今天产线良率 97.2%，主要是夹具修好了。<@UA> 记一功 💪", ["UA"]),
        ("感射 <@UA> 帮我搬了一下午的样机 😂", ["UA"]),
        ("<@UA> tx 马工，借的示波器探头明天还你", ["UA"]),
        ("*bows* <@UA> the FAQ you wrote is exactly what I needed", ["UA"]),
        ("validé j'y vais à midi, cimer <@UA> pour le tuyau", ["UA"]),
        ("<@UA> t'es un ange :angel: mrc", ["UA"]),
        ("tu gères <@UA>, le fix a déjà libéré 40Go sur le bastion", ["UA"]),
        ("<@UA> вже пішло, респект 🫡", ["UA"]),
        ("works 🙌🏾 tqvm <@UA>", ["UA"]),
        # (from stop 27's last sets, 257-262, after their one scoring)
        ("Ok entonces props también a <@UA> :clap:", ["UA"]),
        ("fue con ayuda de <@UA> que validó todos los jobs de datos, también merece crédito", ["UA"]),
        ("grasias <@UA> x el export de Zendesk, ya cuadran los reportes :pray:", ["UA"]),
        ("<@UA> du bisch en Lebensretter. Config gsetzt, Umlaut stimmed", ["UA"]),
        ("danke viu mau <@UA> :smile: funktioniert lokal schon", ["UA"]),
        ("Ferie ab morn Mittag :palm_tree: <@UA> und <@UB> übernämed oncall, merci ihr zwei!", ["UA", "UB"]),
        ("Chciałam publicznie podziękować <@UA> i całej nocnej zmianie za wczoraj.", ["UA"]),
        ("Props do <@UA> i <@UB> — pierwszy raz od miesięcy nocny import przeszedł bez błędów", ["UA", "UB"]),
        ("Propsy dla <@UA> — MDM rollout skanerów przeszedł w 12 minut", ["UA"]),
        ("przejmuję. btw <@UA> tx za indeks, wykres latencji wygląda jak spadek z klifu", ["UA"]),
        ("Kłaniam się w pas <@UA> za testerów, byli świetni.", ["UA"]),
        ("dzięki stary <@UA> za pożyczenie power banka na dyżur :battery:", ["UA"]),
        ("今日のランチ <@UA> さんにおごってもらいました。ごちそうさまです！", ["UA"]),
        ("<@UA> all 3 are genuine revisions, we're good to submit 👍 thanks again, this was a huge help", ["UA"]),
        ("<@UA> :tada: couldn't have done it without <@UB>, seriously. Thanks again Reto!", ["UB"]),
        ("<@UA> ผมเองครับ 🙇‍♂️ ตั้ง target ผิดเป็น prod แทน dev ขอโทษครับ", []),
        ("<@UA> 🙇 xin lỗi em, anh mở trên máy nhà quên đóng.", []),
        # (from sets 263-268, after their one scoring)
        ("<@UA> the url-encoding fix is already helping. you're clutch :100:", ["UA"]),
        ("mantap, komennya masuk akal semua. tengkyu <@UA>", ["UA"]),
        ("<@UA> kamu the best :heart: langsung masuk deck", ["UA"]),
        ("sip tx <@UA>", ["UA"]),
        ("the tx <@UA> sent failed", []),
        ("props to <@UA> buat semua chart kohort dan ke <@UB> buat slide supply", ["UA", "UB"]),
        ("<@UA> recibido, sos lo más. Se lo muestro mañana", ["UA"]),
        ("Backlog grooming at 2 – would be good to have <@UA> and <@UB> in. Ta", []),
        ("<@UA> review ya kalau sempet, thanks!", []),
        ("<@UA> ㅋㅋㅋ 별거 아니에요 고마워할 필요 없어요~", []),
        (
            "Yorumlarınızı akşama kadar bekliyorum. <@UA> talepleri ekledim, verdiğiniz liste için sağ olun.",
            ["UA"],
        ),
        # (from sets 275-280, after their one scoring)
        ("<@UA> du är ett geni. Tack! Länkar ihop tickets", ["UA"]),
        ("<@UA> DET var det. Du er en helt, takk!", ["UA"]),
        ("Merged my first PR!! 🥳 salamat <@UA> <@UB> sa patience sa onboarding ko", ["UA", "UB"]),
        ("Na-recover na ang queues. Daghang salamat <@UA> ug <@UB>! 🙏", ["UA", "UB"]),
        ("kudos sa <@UA> for nagging everyone with me 😂", ["UA"]),
        ("Credits kay <@UA> for the edge case list and <@UB> for the Playwright tests. Salamat sa inyo!", ["UA", "UB"]),
        ("pero si <@UA> talaga yung nag-handle ng escalations. Utang ko sa'yo 'to <@UA>!", ["UA"]),
        ("<@UA> salamuch!! 🫶", ["UA"]),
        ("Props στη <@UA> που κανόνισε όλο το πρωινό 🥐", ["UA"]),
        ("Ευχαριστώ <!subteam^S05|@cs> και ιδιαίτερα τον <@UA> που κάλυψε τα tickets μου", ["UA"]),
        ("ευχ <@UA> για το review, καλά που είδες το missing index", ["UA"]),
        ("<@UA> τελεια, ευχαρηστω!", ["UA"]),
        ("Umesaidia sana <@UA>, the phone list made verifying so much faster", ["UA"]),
        (
            "I'm grateful for this team. Specifically <@UA> for answering my questions and <@UB> for reviewing my SQL.",
            ["UA", "UB"],
        ),
        ("<@UA> thanks for pairing today, I'd never have guessed it was a timezone thing (IST vs UTC 🙃)", ["UA"]),
        ("<@UA> thanks for the fix (again 🙄)", []),
        ("<@UA> you're a good man", ["UA"]),
        ("Hi <@UA>, pa-review naman ng 1:1 doc ko for tomorrow. Salamat po!", []),
        ("<@UA> pa-file na lang sa access portal with manager approval 🙏", []),
        ("Design crit at 2. Would really love eyes from support folks, <@UA> <@UB> 🙏", []),
        ("<@UA> wag na, salamat, naka-3 cups na ako today 😵", []),
        ("<@UA> Τέλεια, ευχαριστώ που ρωτάς! Ναι, Πέμπτη οκ 🙂", []),
        # (from sets 281-286, after their one scoring)
        ("ya entré! muy amable <@UA>", ["UA"]),
        ("<@UA> no hace falta parce, pero muy amable. Si algo le timbro", []),
        ("<@UA> se pasó, esto es exactamente lo que piden. Le debo una grande 🙌🏽", ["UA"]),
        ("usted es lo máximo <@UA>, justo lo que necesitaba 🫶", ["UA"]),
        ("Mega-Dankeschön an <@UA>, die heute die Screens in Code gegossen hat", ["UA"]),
        ("Heute: Feedback einarbeiten. Danke übrigens an <@UA> fürs Postgres-Upgrade heut nacht", ["UA"]),
        (
            "(Danke an alle, die kommentiert haben! <@UA> und <@UB> besonders, eure Punkte waren genau richtig)",
            ["UA", "UB"],
        ),
        ("yalla!! 🚀 ma 8assarti <@UA>", ["UA"]),
        ("<@UA> shukran mo8addaman for reviewing the CSP change 🙏 it's tiny", []),
        ("Top man <@UA> :+1:", ["UA"]),
        # (from sets 287-292, after their one scoring)
        ("top, mrci <@UA>", ["UA"]),
        ("grz <@UA> 💛", ["UA"]),
        ("<@UA> pour l'audit j'aurais besoin de l'export. Merci de me l'envoyer avant vendredi si possible 🙏", []),
        ("merci de m'avoir aidé <@UA>", ["UA"]),
        ("<@UA> merci de la relecture", ["UA"]),
        ("<@UA> 再実行して通りました！仕事早すぎて神 :pray:", ["UA"]),
        ("神戸のオフィスに行きます <@UA>", []),
        ("<@UA> ISMS の準備、ほぼ一人で回してもらっていて本当に頭が上がりません。", ["UA"]),
        ("<@UA> さん、昨日のSQLのインデックスの件、tx！クエリ10秒→0.3秒になりました :zap:", ["UA"]),
        ("This was all <@UA>'s idea, I just typed it up. ta Kevin", ["UA"]),
        # (from sets 293-298, after their one scoring)
        ("<@UA> עכשיו עובד. יא מלך 👑", ["UA"]),
        ("<@UA> אתה אגדה, הלקוח מקבל את זה עוד היום", ["UA"]),
        ("<@UA> עובד. מחזיק לך אחת 😄", ["UA"]),
        ("אני רוצה להודות ל-<@UA> ול-<@UB> על הליווי בשבועיים הראשונים.", ["UA", "UB"]),
        ("רספקט ל-<@UA> שמצא את ה-flaky test", ["UA"]),
        ("<@UA> trời cảm ơm em nha, lỗi này mà lên prod thì toang 😭", ["UA"]),
        ("<@UA> restore xong thấy rồi, a là nhất 🫶", ["UA"]),
        ("<@UA> ko cần cảm ơn đâu, hồi mới vào a cũng bị y chang", []),
        ("good eye <@UA> 👀 hutang budi gue", ["UA"]),
        ("pgbouncer naik ke 250 bareng <@UA> barusan, zero drop. tx mas 🙏", ["UA"]),
        ("<@UA> nuhun sateuacanna, teu kedah", []),
        # (from sets 299-304, after their one scoring)
        ("แก้แล้วค่ะ ขอบคุณสำหรับ feedback นะคะ <@UA> 👍", ["UA"]),
        ("ขอบคุณค่าาา <@UA> อร่อยมากก", ["UA"]),
        ("tx ครับ <@UA> ที่ทำ APK แยกให้ rider", ["UA"]),
        ("รับค่ะ ทีเอ็กซ์ <@UA>", ["UA"]),
        ("thanks da <@UA>", ["UA"]),
        ("Access review: 24/31 done. Thanks to everyone who finished early 🙏 remaining: <@UA> <@UB>", []),
        ("Thanks for the quick replies, still waiting on <@UA> <@UB>", []),
        ("Bifacial flag is in (thanks to the hint from <@UA> on Wednesday)", ["UA"]),
        ("shipped on time thanks to the review by <@UA>", ["UA"]),
        ("thanks to the migration from <@UA> the dashboard is full of #N/A!", []),
        ("thanks to <@UA>'s migration the dashboard is full of errors", []),
        ("<@UA> slides are in the drive. <@UB> did the eng half so ta for that", ["UB"]),
        ("standup: Y dashboard feedback from <@UA> (ta, super useful) T bucket config", ["UA"]),
        ("we need a TA for the course, <@UA>", []),
        ("<@UA> heute nicht, danke. Bin im Release-Stress", []),
        ("<@UA> chennagiddini, thanks! neevu? WFH this week", []),
        ("<@UA> bagunnanu ra, thanks. confirmed, I booked for 6", []),
        ("<@UA> <@UB> thanks cheppakkarledu ra, next time your turn 😂", []),
        ("<@UA> ça va bien merci, et toi ?", []),
        # (from sets 305-310, after their one scoring)
        ("ת'נקס <@UA> על הדאטהסט של ה-benign processes, חסך לי יומיים", ["UA"]),
        ("ה-dry run עבר טוב. תודה <@UA> על ה-script המעולה", ["UA"]),
        ("קרדיט מלא ל-<@UA> ול-<@UB> שהכינו הכל", ["UA", "UB"]),
        ("<@UA> הדאטה שינה לי את כל התעדוף. חייבת לך :pray:", ["UA"]),
        ("<@UA> תודה על ההזמנה לפאנל ב-CyberWeek, אבל לא תודה — אני בחופש", []),
        ("<@UA> תראה, הבאתי מטען הפעם! תודה לי :sunglasses:", []),
        ("ребята, благодарочка <@UA> за помощь с кластером", ["UA"]),
        ("sou xrwstaw ena kafe <@UA>, to index ekopse to report", ["UA"]),
        ("efxaristw proka8abolika <@UA>, 8a xreiastw access sto App Store Connect", []),
        ("Θα ήθελα να ευχαριστήσω θερμά την <@UA> για την οργάνωση", ["UA"]),
        ("<@UA> mksih udah share Play Integrity notes", ["UA"]),
        ("respect buat <@UA> yang dateng ke meeting finance", ["UA"]),
        ("utang budi sama <@UA>, backfill-nya udah kelar", ["UA"]),
        ("<@UA> hay quá, RSS phẳng luôn. đội ơn a :bow:", ["UA"]),
        ("<@UA> vui lắm chị, cảm ơn chị, chị thì sao?", []),
        ("Utang na loob ko po kay <@UA>, nag-stay siya hanggang 8pm", ["UA"]),
        ("Lamat <@UA> sa bag-ong monitor!", ["UA"]),
        ("Pasalamat lang ko ni <@UA> kay gi-review niya akong test cases", ["UA"]),
        ("Salamat kay <@UA> sa review ug kay <@UB> sa pagtudlo sa git rebase", ["UA", "UB"]),
        ("Big thanks to <@UA> and <@UB> for the manual cases, ug kay <@UC> nga ni-volunteer", ["UA", "UB", "UC"]),
        ("thanks to <@UA>'s deploy every one of my morning dashboards was empty lol", []),
        ("Thankful for <@UA>, whose reports won us two renewals", ["UA"]),
        # (from sets 311-316, after their one scoring)
        ("<@UA> 🙌 anytime", []),
        ("<@UA> 🙏 no problem!", []),
        ("<@UA> mon token de 2022 était encore actif?? ça fait peur. merci de l'avoir trouvé", ["UA"]),
        ("créditos pro <@UA> pela ideia de usar índice BRIN", ["UA"]),
        ("Danke an alle, speziell <@UA> und <@UB>!", ["UA", "UB"]),
        ("ya <@UA> el report kan meya meya, el bonus et3amal. alf shokr ❤️", ["UA"]),
        ("<@UA> shukran ya basha 3ala el da3wa bas mesh ha2dar aigi el fara7", []),
        ("<@UA> Donnerstag geht bei mir nicht, danke aber!", []),
        ("<@UA> ah thanks but I can't tonight, hockey practice with my kid. next time!", []),
        ("valeu <@UA> por me colocar em contato com o <@UB> pra entender o formato", ["UA"]),
        ("Danke an mich selbst, dass ick heute an den Kuchen für <@UA> gedacht hab", []),
        ("<@UA> Danke, gut! Noch viel Neues, aber alle sind super nett. Und bei dir?", []),
        ("<@UA> danke, gut gemacht!", ["UA"]),
        (
            "*Postmortem 요약*\n*잘한 점*\n• CS 인입 모니터링으로 먼저 감지 — <@UA> 님 덕분입니다. 감사해요\n"
            "*개선할 점 / 액션아이템*\n• [ ] retry에 backoff 적용 — <@UB>\n• [ ] p99 알람 추가 — <@UC>",
            ["UA"],
        ),
        (
            "*Action items:*\n1. `lock_timeout = 5s` en todas las migraciones — <@UA> "
            "(ya tiene PR, gracias por adelantarte)",
            ["UA"],
        ),
    ],
)
def test_who_a_thanks_reaches(text: str, expected: list[str]) -> None:
    assert _ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "<@UA> we're doing drinks at 6, cheers to the end of Q3 :beers:",
        "did anyone thank <@UA> for the offsite?",
        "<@UA> I'll owe you one if you can get this in today",
        "<@UA> sou obrigado a reiniciar o servidor hoje",
        "<@UA> anh xem giúp em PR này nhé, cảm ơn trước",
    ],
)
def test_phrases_that_only_look_like_thanks(text: str) -> None:
    assert _ids(text) == []


def test_thread_reply_without_mention_thanks_the_parent_author() -> None:
    assert _ids("thank you!", parent="UP") == ["UP"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IDOLO. Esto es exactamente lo que necesitaba", ["UP"]),
        ("Legend!! that fixed it", ["UP"]),
        ("Legend has it the build was green once", []),
        ("ahh 1:40 nu. held :muscle:", ["UP"]),
        ("<@UP> para eso está random! general es para anuncios 😊", []),
        ("Aquí a Barcelona fa fred 🥶 Bé, gràcies per preguntar!", []),
        ("Todo bien por acá, gracias. En CDMX está nublado", []),
        ("<@UA> pots treure'm l'open rate per segment? Gràcies per endavant!", []),
        ("nah, thread is enough, thanks though", []),
        ("Tá mé go maith, go raibh maith agat! Working from home mostly", []),
        ("Aye fine, tapadh leat :sweat_smile: got absolutely drookit walking in though", []),
        ("mình bận rồi, cảm ơn nha", []),
        ("much better, thanks for asking 🙏 she's home now", []),
        ("udah baikan, makasih mas. cuma kecapekan", []),
        (
            "<@UA> and <@UB> for covering the queue Wednesday when I was stuck in QuickBooks land. you two carried",
            ["UA", "UB"],
        ),
        ("<@UA> for the opt-out alert (and the coffee machine, which is honestly the bigger deal)", ["UA"]),
        ("and obviously <@UA> for the reminder fix. Monday feels like a month ago", ["UA"]),
        ("<@UA> for the Q3 report is due friday", []),
        ("Morjens! Bra helg, tack. Var ute i skärgården på lördagen", []),
        ("<@UP> oxi gia mena eyxaristw, exw fagito apo spiti", []),
        # orders placed in a coffee or lunch run's thread, and a thanks for what was brought
        ("americano, thanks!", []),
        ("large latte with oat milk please, thanks!", []),
        ("<@UP> 1 καλαμάκι κοτόπουλο χωρίς κρεμμύδι, ευχαριστώ!", []),
        ("Veg-tallriken, tack!", []),
        ("pizza was amazing, thanks!", ["UP"]),
        ("thanks for the pizza!", ["UP"]),
        # (from stop 27) a Turkish "eyv" before an emoji, the week's credits in Turkish, and a CI check that is a thing
        ("çalıştı, eyv 👍", ["UP"]),
        ("<@UA>'ya l10n diff script'i için. ilk haftasında QA'in en değerli aracını yazdı 🤯", ["UA"]),
        ("<@UA> ve <@UB>'e leak için, bir de <@UC>'ya scroll jitter için. çok şey öğrendim", ["UA", "UB", "UC"]),
        ("<@UA> Figma component'leri için, hepimizin haftasını kurtaracak", ["UA"]),
        ("<@UA> sayım için 6 kişi ayırdım", []),
        ("<@UA> for the CI check on the gradle template. boring, invisible, will save us again", ["UA"]),
        ("<@UA> for the Q3 report check the wiki", []),
        ("finally 😂 tx ya Youssef", ["UP"]),
        ("👍🏼 yslmo", ["UP"]),
        ("<@UA> yes please that would be amazing, thank you 🙏🏽", ["UA"]),
        ("nee merci <@UP>, 'k heb mijn boterhammen mee. Volgende keer!", []),
        ("<@UA> zal je dankbaar zijn 😂", []),
        ("мне флэт уайт, спасибо!!", []),
        ("мне тоже ничего, спасибо 🙂", []),
        ("teh peng siew dai, thanks ah!", []),
        ("还行谢谢，去了梧桐山 😂 你呢", []),
        ("I take back my hot take from yesterday. Respect 🫡", []),
        ("A <@UA> por el handoff más claro que he recibido, y a <@UB> por la rotación de llaves", ["UA", "UB"]),
        ("A <@UA> le toca la guardia mañana", []),
        ("<@UA> salvavidas :lifebuoy: me ahorraste todo el martes", ["UA"]),
        (
            "<@UA> for the chatbot fix (the member is still telling people about it), <@UB> for the SMS updates",
            ["UA", "UB"],
        ),
        ("ยังไม่อยู่ใน Q1 ค่ะ แต่จะใส่ backlog แล้วดูว่าพอยัดได้มั้ย ขอบคุณที่ยกมานะคะ", ["UP"]),
        ("おお、ビルド 14分→6分になった。ありがたや〜 :pray:", ["UP"]),
        ("今日はやめとくわ、ありがとう。レビュー溜まってて", []),
        ("DPD wstało 11:52, wyłączam fallback. Bogu dzięki, bo GLS miał już limit", []),
        ("che, me tira un error al pedir el TA. Será el reloj?", []),
        ("yep – all down to <@UA> pointing me at it. I'd still be hunting otherwise", ["UA"]),
        ("makasiii nadiaa :sparkles:", ["UP"]),
        ("<@UA> for the docker setup and <@UB> for the xdist tip, my tests are 4x faster now", ["UA", "UB"]),
        ("<@UA> for the Q3 report, the template is in the wiki", []),
        ("σώθηκα 🙏", ["UP"]),
        ("ay ok po, tenkyu!", ["UP"]),
        ("Thanks for the invite but I'll be in Athens that weekend, next time!", []),
        ("Ευχαριστώ για την πρόσκληση αλλά θα είμαι Αθήνα το σαββατοκύριακο!", []),
        ("sería ideal, muy amable 🙏🏼", ["UP"]),
        ("endlich kein Alarm mehr um 3 Uhr nachts. Du bist ein Ehrenmann", ["UP"]),
        ("nice one, ta Gaz", ["UP"]),
        ("Very generous, ta Rob :beers:", ["UP"]),
        ("ta bom, vou ver", []),
        ("merci de pas refaire ça un vendredi 😂", []),
        ("non c'è bisogno di ringraziare, lo meriti tutto 🙂", []),
        ("dạ vào được rồi, c.ơn anh ạ", ["UP"]),
        ("udah bisa mas, nuhun pisan 🙏", ["UP"]),
        ("Ge zijt ne topper <@UA>", ["UA"]),
        ("Genial, con eso vamos bien. Gracias!!", ["UP"]),
        ("Bien, gracias! y tú?", []),
        ("ทีเอ็กซ์ครับ เข้าได้แล้ว", ["UP"]),
        (":tada: :tada: ta for the smooth deploy", ["UP"]),
        ("thanks yaake madam, namma kelsa 😄", []),
        ("shout out to me for winning trivia", []),
        ("and for the record: thanks to me, today's batch nearly didn't happen", []),
        ("Jaja gracias a mí ahora hay branch protection, de nada a todos :sweat_smile:", []),
        ("thankful for stretchy pants", []),
        ("thankful the pager has been quiet (so far)", []),
        ("really thankful for the quick turnaround", ["UP"]),
        ("Okay ra ko, salamat! Baha gamay sa Banilad", []),
        ("Ayaw na lang ko, salamat. Naa mi lakaw sa pamilya", []),
        ("ko có gì em, khỏi cảm ơn :v", []),
        ("ㅋㅋ 고맙지만 사양할게~ 너 맨날 zsh 테마 바꿔놓잖아 😂", []),
        ("3azama, tslmy ya Dina", ["UP"]),
        ("كان منيح الحمدلله، شكراً. كان عنا عرس", []),
        ("ours is Fri-Sat too so same, el7amdulellah tamam, shokran", []),
        ("حجزت هناك الخميس الجاي. الله يسعدك يا روان", ["UP"]),
    ],
)
def test_what_a_thread_reply_says_to_its_parent(text: str, expected: list[str]) -> None:
    assert _ids(text, parent="UP") == expected


def test_thread_reply_in_own_thread_thanks_nobody_but_the_named() -> None:
    assert _ids("thanks!", author="UME", parent="UME") == []
    assert _ids("thanks <@UA>, that fixed it", author="UME", parent="UME") == ["UA"]


@pytest.mark.parametrize(
    "text",
    [
        "thanks in advance <@UA>",
        "TIA <@UA>",
        "<@UA> can you review my PR? thanks!",
        "<@UA> no thanks",
        "<@UA> thanks but no thanks",
        "<@UA> no need to thank me",
        "<@UA> good, thanks! you?",
        "<@UA> está tudo bem, obrigada! e você?",
        "<@UA> thank him for me, the brisket was unreal",
        "i'd be forever grateful if someone could review it today <@UA> 🙏",
        "thanks a lot <@UA>, now prod is down :roll_eyes:",
        "thanks <@UA> /s",
        "thanks to <@UA>'s script we lost a day of data",
        "&gt; thanks <@UA>",
        "&gt;&gt;&gt; intro\nthanks <@UA>",
        "`thanks <@UA>`",
        "```\nthanks <@UA>\n```",
        "<@UA> Thanksgiving plans?",
        "such a thankless job <@UA>",
        "<@UA> the thank-you page is down",
        "<@UA> `thanks_email` failed",
        "thanks <!here>",
        "thanks <!subteam^S1|@eng>",
        "thanks <!channel>",
        "thanks <@UME>",
        "Blokery: čekám na druhý Deck od <@UA>, díky předem 🙏",
        "Díky <@UA> ale ne, fakt nepotřebuju pomoc s reportem",
        "Blokery: nic, dobrý, díky za optání <@UA> 🙂",
        "<@UA> <@UB> czekam na was 😇 dzięki!",
        "<@UA> καλά είμαι ευχαριστώ! welcome back",
        "<@UA> kala eimai eyxaristw, esy?",
        "Μια ερώτηση προς <@UA>: να ζητήσω προσφορές τώρα ή μετά το καλοκαίρι; Ευχαριστώ",
        "Επίσης <@UA> σε περιμένω να υπογράψεις τη σύμβαση, ευχαριστώ",
        "<@UA> θα χρειαστώ πάλι τα estimates σου αν προλαβαίνεις, ευχαριστώ!",
        "<@UA> you'll thank me when Apex signs",
        "<@UA> recording link नहीं खुल रहा, एक बार देख लेना. धन्यवाद",
        "Blockers: behöver en färsk staging-DB snapshot från <@UA> 🙏",
        "<@UA> bene dai, grazie, tu a parte il cotto?",
        "<@UA> el7amdulillah tamam, shukran. w enty?",
        "الحمد لله تمام، شكراً يا <@UA>. وإنت عامل إيه؟",
        "<@UA> la2 merci, ana 3amla diet 😂",
        "<@UA> <@UB> feedback'inizi bekliyorum, özellikle kartların hiyerarşisi konusunda 🙏",
        "<@UA> 네 덕분에 잘 보내고 있어요 ㅎㅎ 감사해요~ 월요일에 봬요",
        "블로커: <@UA> 님 prod read replica 접근 권한 요청드려요~ 감사합니다",
        "Nhắc lần 2: còn 2 bạn chưa log timesheet: <@UA> <@UB>. Log giúp Mai trước 5h nha, tks 🙏",
        "Ôi vậy thì tốt quá, cảm ơn <@UA> trước nhé",
        "<@UA> 帮忙订一下上海大会议室，谢谢",
        "<@UA> 我的锅 🙇 选错了，已经 halt rollout",
        "tak nak, terima kasih <@UA>. lutut masih sakit",
        "<@UA> tak payah thank me lah, I'm the one who got a free monitor 😂",
        "<@UA> le chef a dit non, merci de ne plus commit de .env",
        "<@UA> sorry! 🙏",
    ],
)
def test_not_a_thanks(text: str) -> None:
    assert _ids(text) == []


def test_a_thanks_that_declines_in_any_language_and_form() -> None:
    """Every thanks word of every language, with each of its separators and words for "but", then a refusal: the
    vocabulary writes these as one phrase per thanks word (its separators and "but" words a group), so each
    combination is checked to still be read as a refusal, while the thanks word alone still thanks."""
    spaced = (" ", ", ", "! ", " - ", " — ")
    unspaced = ("", " ", "，", "、", ", ", "。", "！")
    checked = 0
    for group, separators in ((detector._DECLINING, spaced), (detector._DECLINING_NOSPACE, unspaced)):
        for thanks_words, buts in group:
            for word in thanks_words:
                assert _ids(f"<@UA> {word}") == ["UA"], word
                for but in buts:
                    for sep in separators:
                        for refusal in ("no.", "不用了", "ya tengo otro"):
                            assert _ids(f"<@UA> {word}{sep}{but} {refusal}") == [], (word, sep, but, refusal)
                            checked += 1
    assert checked > 2000


def test_reason_is_plain_text_when_the_message_gives_one() -> None:
    (found,) = detect_thanks("thanks <@UA> for the quick review!", "UME")
    assert found == Thanks("UA", "the quick review")


def test_reason_drops_slack_markup() -> None:
    (found,) = detect_thanks("thanks <@UA> for the *quick* review of <https://x.io/pr/1|the PR> :pray:", "UME")
    assert found.reason is not None
    assert "<" not in found.reason and "*" not in found.reason and ":" not in found.reason
    assert "quick review" in found.reason


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "thanks <@UA> for the design and <@UB> for the implementation",
            [Thanks("UA", "the design"), Thanks("UB", "the implementation")],
        ),
        (
            "Thank you <@UA> for the specs, <@UB> for the build, and <@UC> for the rollout",
            [Thanks("UA", "the specs"), Thanks("UB", "the build"), Thanks("UC", "the rollout")],
        ),
        (
            "<@UA> thank you for the potluck, and <@UB> for the brisket",
            [Thanks("UA", "the potluck"), Thanks("UB", "the brisket")],
        ),
        (
            "dzięki <@UA> za ogarnięcie wszystkiego!! :heart: i <@UB> za pilnowanie Amazon lane",
            [Thanks("UA", "ogarnięcie wszystkiego"), Thanks("UB", "pilnowanie Amazon lane")],
        ),
        # a clause of their own instead of a reason: no reason rather than the first person's
        (
            "Big thanks to <@UA> for sitting with me for two hours, and to <@UB> whose repro made it obvious",
            [Thanks("UA", "sitting with me for two hours"), Thanks("UB", None)],
        ),
        # one reason for all the people before it is everyone's
        ("thanks <@UA> and <@UB> for the review", [Thanks("UA", "the review"), Thanks("UB", "the review")]),
    ],
)
def test_each_person_listed_with_a_reason_gets_their_own(text: str, expected: list[Thanks]) -> None:
    assert list(detect_thanks(text, "UME")) == expected


def test_reason_is_none_without_one() -> None:
    assert detect_thanks("thanks <@UA>!", "UME") == (Thanks("UA", None),)


def test_reason_is_short() -> None:
    (found,) = detect_thanks("thanks <@UA> for " + "the very long story " * 30, "UME")
    assert found.reason is not None and len(found.reason) <= 120


def test_each_user_once_in_order_of_first_appearance() -> None:
    assert _ids("thanks <@UB>! thanks <@UA>! and thanks again <@UB>") == ["UB", "UA"]
    assert _ids("<@UA> <@UB> and <@UC>: thank you") == ["UA", "UB", "UC"]


def test_result_is_immutable() -> None:
    (found,) = detect_thanks("thanks <@UA>", "UME")
    with pytest.raises(FrozenInstanceError):
        found.user_id = "UB"  # type: ignore[misc]


def test_only_the_first_max_chars_are_read() -> None:
    head = "x" * (MAX_CHARS - 5)
    assert _ids(head + " thanks <@UA>!") == []
    assert _ids("thanks <@UA>! " + head) == ["UA"]


def test_private_use_characters_in_the_text_are_not_mistaken_for_markup() -> None:
    # The detector encodes mentions as private-use characters; the same characters typed by a user
    # (found by hypothesis) must not crash it or name anyone.
    assert detect_thanks("thanks \U000f0000 \ue003", "UME", None) == ()
    assert _ids("thanks \U000f0000 <@UA>") == ["UA"]


def test_dont_thank_me_passes_the_thanks_on_whatever_was_read_before() -> None:
    # The refusal and the pass-on start alike; the answer must not depend on which the detector met first.
    for _ in range(2):
        assert _ids("<@UX> don't thank me, I just forwarded the email") == []
        assert _ids("Please don't thank me, thank <@UA> — she ran the whole cutover") == ["UA"]
        assert _ids("don't thank me. I only pressed the button") == []
