/**
 * Capitalised words that look like names but, in clinical text, are not: eponyms, drug brands,
 * months, clinical vocabulary, and sentence openers. Lower-case; checked per token.
 */
const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/).map((w) => w.toLowerCase()));

export const NEVER_NAME = words(`
parkinson parkinsons graves crohn crohns hodgkin hodgkins non-hodgkin foley babinski alzheimer alzheimers cushing cushings
apgar glasgow gleason addison addisons hashimoto hashimotos kaposi huntington huntingtons raynaud raynauds sjogren sjögren
guillain barré barre guillain-barré guillain-barre wernicke korsakoff tourette asperger aspergers marfan klinefelter
wolff-parkinson-white hirschsprung kawasaki lyme epstein epstein-barr bence meniere ménière paget pagets peyronie reye reyes
stevens-johnson tay-sachs creutzfeldt-jakob willebrand whipple zollinger-ellison dupuytren ehlers-danlos fanconi gaucher
goodpasture horner kussmaul cheyne-stokes gehrig osgood-schlatter legionnaires homans mcburney trendelenburg romberg kernig
brudzinski chvostek trousseau tinel phalen lachman mcmurray swan-ganz nissen roux billroth heimlich valsalva epley
dix-hallpike ranson child-pugh framingham killip mallampati karnofsky braden beers spetzler-martin salter-harris colles
monteggia galeazzi lisfranc maisonneuve gustilo schatzker snellen ishihara rinne holter doppler hickman broviac
groshong jackson-pratt penrose sengstaken-blakemore coombs gram ziehl-neelsen giemsa papanicolaou kaplan-meier bonferroni
likert wilcoxon kruskal-wallis tukey bland-altman bayes down downs bells wilsons wilms ewing ewings burkitt burkitts
barretts takayasu kawasaki wegener behcet behçet sjögrens tietze virchow
medicare medicaid
nope nah yep yup ah aw ugh hey ha hm hmm uhm uh um mhm okey ok okay uh-huh
metformin warfarin lisinopril atorvastatin simvastatin rosuvastatin amlodipine losartan valsartan metoprolol carvedilol
furosemide hydrochlorothiazide spironolactone insulin glargine lispro aspart heparin enoxaparin apixaban rivaroxaban
dabigatran clopidogrel aspirin levothyroxine prednisone prednisolone methylprednisolone dexamethasone hydrocortisone
omeprazole pantoprazole esomeprazole ondansetron gabapentin pregabalin sertraline fluoxetine escitalopram citalopram
paroxetine bupropion venlafaxine duloxetine trazodone quetiapine olanzapine risperidone aripiprazole haloperidol lorazepam
alprazolam diazepam clonazepam zolpidem morphine oxycodone hydrocodone fentanyl tramadol acetaminophen ibuprofen naproxen
amoxicillin azithromycin ciprofloxacin levofloxacin doxycycline cephalexin ceftriaxone vancomycin piperacillin
metronidazole clindamycin trimethoprim sulfamethoxazole nitrofurantoin fluconazole acyclovir valacyclovir oseltamivir
albuterol tiotropium montelukast fluticasone budesonide semaglutide liraglutide dulaglutide tirzepatide empagliflozin
dapagliflozin sitagliptin glipizide glimepiride pioglitazone digoxin amiodarone diltiazem verapamil nitroglycerin
hydralazine clonidine tamsulosin finasteride allopurinol colchicine methotrexate adalimumab infliximab rituximab
pembrolizumab nivolumab trastuzumab tamoxifen letrozole anastrozole levetiracetam phenytoin valproate lamotrigine
carbamazepine topiramate donepezil memantine levodopa carbidopa ropinirole pramipexole baclofen cyclobenzaprine
ativan lasix norvasc xanax valium zoloft prozac lipitor crestor coumadin eliquis xarelto januvia jardiance ozempic
trulicity humira keytruda lantus levemir synthroid plavix toprol zocor nexium protonix flomax ambien seroquel abilify
lexapro celexa paxil wellbutrin cymbalta lyrica neurontin tylenol advil motrin aleve benadryl zyrtec claritin singulair
advair symbicort spiriva ventolin proventil farxiga entresto brilinta pradaxa victoza mounjaro wegovy zepbound dilaudid
percocet vicodin norco keppra depakote tegretol lamictal topamax aricept namenda sinemet requip mirapex flexeril ultram
medrol decadron cipro levaquin augmentin keflex bactrim zithromax flagyl diflucan valtrex tamiflu glucophage actos
amaryl tradjenta rybelsus invokana lovenox narcan suboxone adderall ritalin concerta vyvanse lithium botox
january february march april june july august september october november december jan feb mar apr jun jul aug sep sept
oct nov dec monday tuesday wednesday thursday friday saturday sunday
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves
viernes sábado domingo
the a an this that these those what which who whom whose when where why how is are was were be been can could would
should might must shall do does did has have had if in on at by for from with without to of and or but not
no yes contact name names please thanks thank hi hello dear patient patients pt history diagnosis assessment plan impression
treatment therapy management guidelines guideline recommendations recommendation current latest best evidence
protocol protocols options option risk risks side effects effect dose dosing doses male female man woman boy girl child
infant adult elderly type stage grade class phase level acute chronic severe mild moderate primary secondary
hospital clinic medical center centre health care university college school institute department unit ward icu er ed
emergency general memorial regional community county state national international street avenue road boulevard lane
drive court way place suite apt apartment floor room building north south east west new old saint st mount mt
disease syndrome disorder cancer carcinoma tumor tumour infection failure insufficiency deficiency injury fracture
sign test score scale criteria index classification procedure operation surgery catheter tube line
blood pressure heart rate bp hr rr spo2 temp covid covid-19 sars-cov-2 hiv aids copd chf ckd esrd dm htn cad mi cva tia
dvt pe gerd ibd ibs uti ards sle ra oa ms als bph pcos adhd ptsd ocd mdd gad
english spanish korean american hispanic latino asian african caucasian white black
dr dra mr mrs ms miss prof sr sra srta don doña
paciente médico medico doctor doctora enfermera enfermero servicio unidad planta hospitalario universitario
nombre apellidos domicilio localidad provincia fecha edad sexo informe datos se en el la los las lo un una unos unas presentamos presenta presentó mujer varón hombre niño niña dirección cirugía oncología pediatría medicina servicio primigesta secundigesta tras durante desde para por con sin ante bajo ingreso alta exploración juicio evolución tratamiento antecedentes motivo consulta diagnóstico nºcol colegiado correo teléfono tfno fax email e-mail
i you he she we they it my your his her our their me him us them mine yours hers ours theirs till mister misses missus
son daughter wife husband mother father brother sister spouse partner friend family caregiver nurse staff someone everyone nobody
cousin uncle aunt niece nephew grandson granddaughter grandmother grandfather grandma grandpa grandchild stepson stepdaughter stepmother stepfather
fiance fiancé fiancee fiancée boyfriend girlfriend neighbour neighbor roommate flatmate housemate landlord landlady coworker co-worker classmate teammate sibling
primo prima tío tía sobrino sobrina nieto nieta abuelo abuela suegro suegra cuñado cuñada vecino vecina novio novia amigo amiga
producer songwriter user answer founder founders
síndrome enfermedad signo implante prótesis
klebsiella pseudomonas enterobacter acinetobacter serratia proteus morganella citrobacter candida
aspergillus staphylococcus streptococcus enterococcus clostridium clostridioides escherichia
salmonella shigella listeria neisseria haemophilus moraxella legionella mycoplasma bordetella
borrelia treponema helicobacter campylobacter bacteroides stenotrophomonas burkholderia nocardia
actinomyces cryptococcus histoplasma blastomyces coccidioides pneumocystis giardia plasmodium
toxoplasma trichomonas mycobacterium corynebacterium bartonella brucella chlamydia chlamydophila
rickettsia ehrlichia anaplasma yersinia vibrio providencia prevotella fusobacterium
peptostreptococcus cutibacterium propionibacterium veillonella eikenella kingella cardiobacterium
aggregatibacter pasteurella francisella leptospira mucor rhizopus fusarium trichophyton malassezia
sporothrix strongyloides ascaris enterobius taenia echinococcus schistosoma entamoeba
cryptosporidium cyclospora babesia leishmania trypanosoma
ortho cards psych onc surg pulm peds gyn derm rheum endo uro nephro neurosurg hospitalist gen gi ent ob onco cardio hemeonc
dña dra sra srta
`);

/** Given names that are ordinary words: only with a title or a role cue are they names. */
export const AMBIGUOUS = words(`
may mark rose hope page bath gill cash bone grace faith joy will art bill sue pat june april august summer autumn dawn
ivy violet iris amber crystal sky rich drew chase hunter rusty sandy penny angel baby brown berry bell king young white
green black long short little major general sterling golden christian justice honor precious miracle trinity destiny
genesis haven heaven liberty harmony melody unique royal prince princess lane dale glen gay guy ray max van wade
early free heart care ward nurse doctor cook baker carter mason walker taylor turner parker hall field wood stone hill
ford lake rivers banks price ward west north south marsh moss rush fox wolf love hart roman bishop dean judge sage
sunny star storm rain river ocean forest jade pearl ruby coral olive cherry clay chance blaze rocky ace colt duke
jean lou don pal lee al ed sol van de la del
`);

/** Words after a capitalised run that make it an eponym or a thing, not a person. */
export const EPONYM_FOLLOWERS = /^(?:['’]s)? ?(?:sign|syndrome|disease|criteria|score|scale|test|fracture|maneuver|manoeuvre|catheter|tube|protein|palsy|sarcoma|lymphoma|classification|reflex|triad|phenomenon|procedure|operation|stain|curve|ratio|method|equation|formula|coefficient|index|node|nodes|cell|cells|reaction|law|rule|rules|position|incision|repair|ulcer|esophagus|oesophagus|disorder|dementia|encephalopathy|ataxia|chorea|thyroiditis|lesion|neuroma|cyst|agar|solution|bag|mask|needle|staging|grade|tumou?r|variant|type|virus|bacillus|protocol|regimen|diet|s[ií]ndrome|enfermedad)\b/i;

/** Whether an eponym follower comes next in `after`, also once the words `between` takes are skipped ("Cleveland Clinic Continence Score"). */
export function followerAhead(after: string, between: RegExp): boolean {
  return EPONYM_FOLLOWERS.test(after) || EPONYM_FOLLOWERS.test(after.replace(between, ''));
}

/** Verbs that follow a name ("dr. smith said"): never a name's next word, even where a list has them (Said, Will). */
export const VERB_AFTER: ReadonlySet<string> = new Set('said says told tells asked asks thinks thought wants wanted recommended recommends prescribed prescribes gave gives ordered orders called calls is was has had will would can could should did does'.split(' '));
