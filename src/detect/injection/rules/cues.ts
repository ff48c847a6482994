/**
 * Context shared by many rules. Clinical words near an override verb mean a clinician is
 * talking about orders, results or discharge paperwork, not about the model's instructions;
 * words addressing the model or its configuration mean the opposite.
 */

/** Clinical objects of "ignore/disregard/forget" in notes and orders (English). */
export const EN_CLINICAL = /\b(?:discharge|medications?|meds|dos(?:e|es|ing)|potassium|sodium|lab(?:s|oratory)?|values?|results?|order(?: set)?s?|cardiology|nephrology|oncology|nursing|nurses?|diet(?:ary)?|wound|pharmacy|pharmacist|physician|doctor|dr\.?|patients?|pt|insulin|warfarin|heparin|metformin|tablets?|pills?|inr|glucose|specimen|hemoly[sz]ed|vitals?|allergy|allergies|surgeon|surgery|clinic|ward|icu|ed|er|follow-?up|appointment|prescription|therapy|treatment|antibiotics?|bp|ecg|ekg|mri|ct|x-?ray|radiology|pre-?op|post-?op|contrast|infusion|transfusion|protocol|consult|pcp|hospital|admission)\b/;

/**
 * "... instructions regarding insulin / about fasting / from Dr. Lee": an override whose object is
 * then tied to a care topic or a clinician is about care instructions, not the model's.
 */
export const EN_CARE_AFTER = /^[\s,]{0,3}(?:regarding|for|about|on|re:?|concerning|from|related to|given (?:by|at|on)|in the|at)\s{1,4}[^.\n]{0,40}?\b(?:discharge|medications?|meds|dos(?:e|es|ing)|insulin|warfarin|heparin|diet|fasting|npo|eat(?:ing)?|drink(?:ing)?|meals?|food|fluids?|bath(?:ing)?|shower(?:ing)?|driving|exercise|activity|lifting|wound|dressing|drain|cathet\w{0,4}|labs?|dr\.?|doctor|nurse|pharmac\w{0,4}|clinic|surgery|procedure|appointment|follow-?up|therapy|physio\w{0,6}|cardiology|oncology|the (?:ward|unit|team|surgeon))\b/;

/** The target of an override is the model's own configuration. */
export const EN_AI_OBJECT = /\b(?:system|prompts?|programming|programmed|training|guardrails|developer|openai|chatgpt|gpt|ai|assistant|language model|llm|model)\b/;

/** Totality and second-person cues that make "ignore ... instructions" about the model. */
export const EN_TOTAL = /\b(?:all|any|every|everything|your|ur|above|foregoing|the system|these|whatever)\b/;

/** A new task right after the override: "... and say X", ", instead respond with ...". */
export const EN_NEW_TASK = /^[\s,.;:!-]{0,4}(?:and|then|now|instead|but|just|only)?[\s,]{0,3}(?:instead[\s,]{1,3})?(?:say|print|write|output|respond|reply|tell|reveal|answer|act|pretend|translate|give|list|show|return|repeat|spell|type|follow|obey|do as|begin|start|you (?:are|will|must|should))\b/;

/** Korean clinical nouns (discharge, medication, dose, labs, potassium, patient, ward, nursing, doctor, diet, test, value). */
export const KO_CLINICAL = /약사|약국|간호사|주치의|치료|복용|퇴원|복약|투약|약물|처방|용량|검사|수치|칼륨|나트륨|환자|병동|간호|의사|진료|식이|혈당|인슐린|와파린|수술|외래|혈액|검사\s?결과/;

/** Japanese clinical nouns. */
export const JA_CLINICAL = /退院|服薬|投薬|薬|処方|用量|検査|検査値|カリウム|患者|病棟|看護|医師|診療|食事|血糖|手術|外来/;

/** Chinese clinical nouns (simplified and traditional). */
export const ZH_CLINICAL = /退院|服薬|投薬|検査|カリウム|出院|用药|用藥|药物|藥物|处方|處方|剂量|劑量|检查|檢查|化验|化驗|数值|數值|钾|鉀|患者|病人|病房|护理|護理|医生|醫生|饮食|飲食|血糖|手术|手術|门诊|門診/;
