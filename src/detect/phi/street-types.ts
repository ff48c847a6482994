/**
 * Street-type words by language, as the national address conventions use them (French voies,
 * Spanish tipos de vía, Hungarian közterület jellege, Latvian/Lithuanian/Estonian, Slavic and
 * Indonesian types), so the address rules (./addresses-intl-forms.ts) know a street without
 * having seen its name. Alternations for RegExp sources: escape dots. Words that are common in
 * clinical prose (puerta, sección, grupo, sector, lado, entrada) are left out: a type word plus a
 * capitalised word plus a number would make "Grupo Control 2" a street.
 */

/** Types written before the street name. */
export const PREFIX_TYPES = [
  // French and Belgian.
  'rue|avenue|boulevard|bd\\.|allée|chemin|impasse|quai|place|passage|cours|square|parvis|drève|chaussée|sentier|ruelle|esplanade|promenade|faubourg|résidence|hameau|montée|venelle|rond-point',
  // Italian.
  'via|viale|vicolo|piazza|piazzetta|piazzale|corso|largo|contrada|borgo|strada|stradela|stradella|rotonda|salita|lungomare|lungotevere|traversa|vico|località|frazione|circonvallazione',
  // Spanish (Spain and Latin America).
  'carr\\.|carretera|cerrada|calzada|callejón|privada|andador|circuito|prolongación|eje|bulevar|rambla|cuesta|rampa|ramal|extramuros|extrarradio|polígono|aldea|arrabal|bajada|barranco|calleja|caserío|escalinata|explanada|jardines|masía|muelle|parcela|partida|poblado|quinta|riera|rincón|senda|subida|torrente|travesía|urbanización|glorieta|pasaje|paseo|avenida|camino|ronda|chalet|lugar|municipio',
  // Portuguese and Brazilian.
  'rua|travessa|praça|azinhaga|calçada|estrada|alameda|ladeira|beco|rodovia|escadas|escadinhas|urbanização|viela|caminho|marginal|rotunda|loteamento|quadra',
  // Catalan, Romanian.
  'carrer|intrarea|calea|splaiul|șoseaua|piața|aleea|bulevardul|b-dul|fundătura|drumul|pasajul|str\\.',
  // Polish, Czech, Slovak, Slovene, Croatian, Serbian.
  'ulica|ul\\.|aleja|al\\.|osiedle|os\\.|plac|pl\\.|rynek|rondo|skwer|wybrzeże|wyb\\.|bulwar|ogród|droga|trakt|dworzec|pod|nad|za|ulice|náměstí|nám\\.|nábřeží|třída|námestie|nábrežie|trieda|cesta|trg|šetalište|obala|put|prilaz|nabrežje|bulevar',
  // Indonesian: Jalan, Gang, Kampung, Desa, Dukuh, Pasar, Jorong, Komplek, Perumahan, Lorong.
  'jalan|jln\\.|jl\\.|gg\\.|gang|kp\\.|kpg\\.|kampung|ds\\.|desa|dk\\.|dukuh|psr\\.|pasar|komplek|perum\\.|perumahan|lorong',
  // Turkish.
  'sokak',
].join('|');

/** Types written after the name, as a separate word (Villacher Strasse 89, Papp fasor 89). */
export const SUFFIX_WORDS = [
  // Baltic.
  'iela|gāte|gatve|laukums|dambis|bulvāris|prospekts|šoseja|krastmala|līnija|tänav|maantee|puiestee|väljak|põik|gatvė|prospektas|alėja|aikštė|skersgatvis',
  // German, Dutch, Scandinavian, Finnish.
  'allé|straat|strasse|straße|str\\.|gasse|weg|allee|platz|ring|damm|ufer|chaussee|steig|pfad|zeile|gürtel|laan|plein|gracht|kade|dijk|dreef|singel|steenweg|vej|gade|gata|gatan|vägen|väg|gränd|veien|vegen|vei|plass|katu|tie|kuja',
  // Hungarian közterület types.
  'utca|u\\.|út|útja|körút|krt\\.|tér|tere|körtér|főtér|sor|köz|fasor|sétány|rakpart|dűlő|lakótelep|ltp\\.|liget|országút|sugárút|lejtő|lépcső|sikátor|telep|udvar|határút',
  // Slavic types after an adjective (Jadranska cesta, Nobelovo námestie, Malý trh).
  'ulica|ulice|cesta|námestie|náměstí|nábrežie|nábřeží|trieda|třída|sady|trh|záhrady|dolina|trg|obala|pot|put',
  // Turkish.
  'sokak|sokağı|cadde|caddesi|cad\\.|bulvarı|bulvar|mahallesi|mah\\.|meydanı|yolu|çıkmazı',
].join('|');

/** Types glued to the end of the name (Hammarvägen, Loorenstrasse, Asselsestraat, Hannasgate). */
export const GLUED = [
  'str\\.|park|dreef|hof|markt|singel|kade|steeg|strasse|straße|gasse|weg|allee|platz|damm|straat|laan|plein|gracht|dijk|steenweg|baan',
  'haugen|kroken|bakken|svingen|stien|tunet|vollen|åsen|løkka|jordet|vej|gade|stræde|gatan|vägen|gränd|torget|stigen|backen|veien|vegen|gata|gate|gaten|plassen',
  'rinne|kaari|raitti|väylä|ranta|penger|aukio|puisto|polku|katu|tie|kuja|utca|sokak',
  // More Nordic and Dutch endings: Danish vænget/toften, Swedish leden/slingan, Norwegian ringen,
  // Finnish mäki/kallio, Dutch plantsoen, Icelandic braut/vegur/stígur.
  'vænget|toften|parken|løkken|engen|marken|hegnet|leden|slingan|stråket|allén|gården|ringen|grenda|mäki|kallio|niitty|kumpu|kaarre|vainio|harju|plantsoen|braut|vegur|stígur|hraun|vellir|bakki|hlíð|gerði|lundur|teigur|kvísl',
].join('|');

/**
 * English street suffixes after a house number and the name (USPS Publication 28 suffixes, and
 * British and Australian ones): 742 Natalie Cape, 13 Becker Mews. Left out, as too common after a
 * number in prose: run, rest, union, light, well, common, course, club, field, land, mission,
 * pass, path, point, station, key, spring, center, lake, river, stream, camp, tunnel (carpal tunnel),
 * neck, lock, loaf, fall.
 */
export const EN_SUFFIXES = 'alley|arcade|avenue|ave|bend|bluff|boulevard|blvd|bridge|brook|bypass|canyon|cape|causeway|circle|cir|cliffs?|close|corner|court|ct|cove|creek|crescent|cres|crest|crossing|curve|dale|drive|dr|estates?|expressway|falls|ferry|fields|flats|ford|forest|forge|fork|freeway|gardens?|gateway|glen|green|grove|harbou?r|haven|heights|highway|hwy|hills?|hollow|inlet|island|isle|junction|knoll|lakes|landing|lane|ln|lea|locks|lodge|loop|mall|manor|meadows?|mews|mills?|motorway|mount|mountain|orchard|oval|parade|park|parkway|pkwy|passage|pike|pines|place|pl|plains|plaza|port|prairie|quay|ranch|rapids|ridge|rise|road|rd|route|row|shoal|shores?|spur|square|sq|stravenue|street|st|summit|terrace|ter|trace|track|trail|trl|turnpike|valley|viaduct|views?|village|ville|vista|walk|way|wharf|wynd|grange|chase|drove|approach|esplanade|circus|brow|glade|gate|gdns|ridgeway|brooks|burgs?|circles|corners|courts|coves|drives|extensions?|fords|forges|forks|forts?|glens|greens|groves|harbou?rs|islands|junctions|knolls|manors|mountains|parks|parkways|ports|ridges|roads|shoals|spurs|squares|streets|valleys|villages|walks|ways|dam|divide|overpass|underpass|throughway|trafficway|radial|ramp';
