// Generated from src/plan/schema.ts by scripts/plan-contract.ts: do not edit.
"use strict";
export const validate = validate10;
export default validate10;
const schema11 = {"$id":"https://edpm-rolegen.invalid/schemas/plan.schema.json","title":"edpm-rolegen update plan","description":"The EDPM minor-update plan that edpm-rolegen compiles into edpm_update_services and edpm_update_system","additionalProperties":false,"type":"object","required":["updateServices"],"properties":{"$schema":{"description":"path or URL of this schema, for editors","type":"string"},"collection":{"pattern":"^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$","minLength":1,"maxLength":128,"description":"collection of the roles (default osp.edpm): namespace.name, each a lowercase letter then lowercase letters, digits and _","type":"string"},"ignoredRoles":{"description":"roles of the roles tree that take no part in the update: discover does not warn about them, init does not add them (default [])","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^[a-z][a-z0-9_]*$","minLength":1,"maxLength":100,"description":"role of the roles tree: a lowercase letter, then lowercase letters, digits and _","type":"string"}},"updateServices":{"additionalProperties":false,"description":"phase 1: edpm_update_services","type":"object","required":["containerSteps"],"properties":{"essentialPackages":{"description":"packages updated by the targeted dnf step (default [openstack-selinux])","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$","minLength":1,"maxLength":200,"description":"package name or dnf glob: ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)","type":"string"}},"alwaysExcludedPackages":{"description":"packages never updated by phase 1; must keep kernel, kernel-core and openvswitch (default: those and *openvswitch*, every Open vSwitch package)","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$","minLength":1,"maxLength":200,"description":"package name or dnf glob: ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)","type":"string"}},"alwaysBefore":{"maxItems":1000,"description":"steps run on every node before the services (registry login)","type":"array","items":{"additionalProperties":false,"description":"a role and the ordered task files of it to include","type":"object","required":["role","tasks"],"properties":{"role":{"pattern":"^[a-z][a-z0-9_]*$","minLength":1,"maxLength":100,"description":"role in the collection: a lowercase letter, then lowercase letters, digits and _","type":"string"},"tasks":{"description":"task files of the role to include, in order (base names)","minItems":1,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^[a-z0-9][a-z0-9_-]*$","minLength":1,"maxLength":100,"description":"task file name: lowercase letters, digits, _ and - (no extension, no path)","type":"string"}},"become":{"description":"which task files are included with become: true (all, the default), false (none: their tasks choose for themselves) or a list of some of them","anyOf":[{"type":"boolean"},{"description":"the task files of this step included with become (each must be in tasks)","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^[a-z0-9][a-z0-9_-]*$","minLength":1,"maxLength":100,"description":"task file name: lowercase letters, digits, _ and - (no extension, no path)","type":"string"}}]}}}},"containerSteps":{"maxItems":100000,"description":"the ordered container steps","type":"array","items":{"additionalProperties":false,"description":"one step of the container update","type":"object","required":["serviceType","role","tasks"],"properties":{"serviceType":{"pattern":"^[a-z0-9]+(-[a-z0-9]+)*$","minLength":1,"maxLength":63,"description":"EDPM service type whose presence runs this step: lowercase letters and digits, words joined by single -","type":"string"},"role":{"pattern":"^[a-z][a-z0-9_]*$","minLength":1,"maxLength":100,"description":"role in the collection: a lowercase letter, then lowercase letters, digits and _","type":"string"},"tasks":{"description":"task files of the role to include, in order (base names)","minItems":1,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^[a-z0-9][a-z0-9_-]*$","minLength":1,"maxLength":100,"description":"task file name: lowercase letters, digits, _ and - (no extension, no path)","type":"string"}},"become":{"description":"which task files are included with become: true (all, the default), false (none: their tasks choose for themselves) or a list of some of them","anyOf":[{"type":"boolean"},{"description":"the task files of this step included with become (each must be in tasks)","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^[a-z0-9][a-z0-9_-]*$","minLength":1,"maxLength":100,"description":"task file name: lowercase letters, digits, _ and - (no extension, no path)","type":"string"}}]}}}},"prune":{"additionalProperties":false,"description":"pruning after all services were updated","type":"object","properties":{"images":{"description":"prune unused images (default true)","type":"boolean"},"volumes":{"description":"prune unused volumes (default true)","type":"boolean"}}}}},"updateSystem":{"additionalProperties":false,"description":"phase 2: edpm_update_system","type":"object","properties":{"openvswitch":{"additionalProperties":false,"description":"the Open vSwitch step, run first","type":"object","properties":{"tasks":{"description":"where the Open vSwitch update tasks come from (default inline)","anyOf":[{"description":"tasks generated into edpm_update_system","const":"inline","type":"string"},{"additionalProperties":false,"type":"object","required":["role","tasks"],"properties":{"role":{"pattern":"^[a-z][a-z0-9_]*$","minLength":1,"maxLength":100,"description":"role that owns the Open vSwitch update tasks: a lowercase letter, then lowercase letters, digits and _","type":"string"},"tasks":{"description":"task file (or files, in order) to import from it, e.g. [update]","anyOf":[{"pattern":"^[a-z0-9][a-z0-9_-]*$","minLength":1,"maxLength":100,"description":"task file name: lowercase letters, digits, _ and - (no extension, no path)","type":"string"},{"description":"task files to import from it, in order (base names)","minItems":1,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^[a-z0-9][a-z0-9_-]*$","minLength":1,"maxLength":100,"description":"task file name: lowercase letters, digits, _ and - (no extension, no path)","type":"string"}}]}}}]},"packages":{"description":"default of edpm_ovs_packages: Open vSwitch package names, no glob, at least one (default [openvswitch])","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$","minLength":1,"maxLength":200,"description":"package name or dnf glob: ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)","type":"string"}},"reloadAfterUpdate":{"description":"default of edpm_ovs_reload_after_update (default false)","type":"boolean"},"downloadRetries":{"minimum":0,"maximum":100,"description":"default of edpm_ovs_download_retries: retries of the package download (default 5)","type":"integer"},"downloadDelay":{"minimum":0,"maximum":3600,"description":"default of edpm_ovs_download_delay: seconds between download attempts (default 5, as edpm_ovs)","type":"integer"},"serviceName":{"pattern":"^[A-Za-z0-9_][A-Za-z0-9_.@-]*$","minLength":1,"maxLength":100,"description":"the Open vSwitch systemd unit (default openvswitch): letters, digits and _ . @ - (not first)","type":"string"}}},"includePackages":{"description":"default of edpm_update_system_include_packages (default [\"*\"])","minItems":1,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$","minLength":1,"maxLength":200,"description":"package name or dnf glob: ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)","type":"string"}},"alwaysExcludedPackages":{"description":"packages the all-packages step never updates; must keep openvswitch (default: openvswitch, openvswitch[0-9]*, rdo-openvswitch, rhoso-openvswitch)","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$","minLength":1,"maxLength":200,"description":"package name or dnf glob: ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)","type":"string"}},"kpatch":{"additionalProperties":false,"description":"live kernel patching","type":"object","properties":{"enabled":{"description":"default of edpm_update_system_enable_kpatch (default false)","type":"boolean"},"kernelPackages":{"description":"packages held back when kpatch is enabled (default [kernel, kernel-core, kernel-modules, kernel-modules-core, kernel-modules-extra])","minItems":0,"maxItems":10000,"uniqueItems":true,"type":"array","items":{"pattern":"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$","minLength":1,"maxLength":200,"description":"package name or dnf glob: ASCII letters, digits and . _ + - (not first), with the dnf globs * ? and [...] (brackets balanced)","type":"string"}}}},"bootc":{"additionalProperties":false,"description":"image-mode (bootc) hosts","type":"object","properties":{"rebootRequiredFile":{"pattern":"^(?!.*/\\.\\.?(/|$))(/[A-Za-z0-9._+-]+)+$","minLength":1,"maxLength":255,"description":"file flagged when a bootc deployment is staged: an absolute path of letters, digits and . _ + - in each part","type":"string"}}}}},"rollout":{"additionalProperties":false,"description":"rolling each phase out in waves (default: every node at once)","type":"object","properties":{"updateServices":{"additionalProperties":false,"description":"the rollout of one phase over the nodes of a node set","type":"object","properties":{"canary":{"description":"the canary: a number of nodes (at least 1) or a list of node names (default: none)","anyOf":[{"minimum":1,"maximum":100000,"description":"the first nodes of the node set","type":"integer"},{"minItems":1,"maxItems":1000,"uniqueItems":true,"description":"named nodes","type":"array","items":{"pattern":"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$","minLength":1,"maxLength":253,"description":"canary node: letters, digits and . _ - (a letter or digit first and last)","type":"string"}}]},"waves":{"maxItems":100,"description":"sizes of the waves after the canary, in order; the nodes left after them form the last wave (default: [], one wave)","type":"array","items":{"description":"a number of nodes (at least 1) or a share of the node set, \"1%\" to \"100%\"","anyOf":[{"minimum":1,"maximum":100000,"description":"a number of nodes","type":"integer"},{"pattern":"^([1-9][0-9]?|100)%$","description":"a share of the node set, \"1%\" to \"100%\"","type":"string"}]}},"failureBudget":{"description":"how many nodes of each wave (a number) or what share of it (\"N%\", 0 to 100) may fail before the rollout stops; the canary may not fail (default 0)","anyOf":[{"minimum":0,"maximum":100000,"description":"nodes of each wave that may fail","type":"integer"},{"pattern":"^([1-9]?[0-9]|100)%$","description":"share of each wave that may fail, \"0%\" to \"100%\"","type":"string"}]}}},"updateSystem":{"additionalProperties":false,"description":"the rollout of one phase over the nodes of a node set","type":"object","properties":{"canary":{"description":"the canary: a number of nodes (at least 1) or a list of node names (default: none)","anyOf":[{"minimum":1,"maximum":100000,"description":"the first nodes of the node set","type":"integer"},{"minItems":1,"maxItems":1000,"uniqueItems":true,"description":"named nodes","type":"array","items":{"pattern":"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$","minLength":1,"maxLength":253,"description":"canary node: letters, digits and . _ - (a letter or digit first and last)","type":"string"}}]},"waves":{"maxItems":100,"description":"sizes of the waves after the canary, in order; the nodes left after them form the last wave (default: [], one wave)","type":"array","items":{"description":"a number of nodes (at least 1) or a share of the node set, \"1%\" to \"100%\"","anyOf":[{"minimum":1,"maximum":100000,"description":"a number of nodes","type":"integer"},{"pattern":"^([1-9][0-9]?|100)%$","description":"a share of the node set, \"1%\" to \"100%\"","type":"string"}]}},"failureBudget":{"description":"how many nodes of each wave (a number) or what share of it (\"N%\", 0 to 100) may fail before the rollout stops; the canary may not fail (default 0)","anyOf":[{"minimum":0,"maximum":100000,"description":"nodes of each wave that may fail","type":"integer"},{"pattern":"^([1-9]?[0-9]|100)%$","description":"share of each wave that may fail, \"0%\" to \"100%\"","type":"string"}]}}}}}}};
const pattern0 = new RegExp("^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$", "u");
const pattern1 = new RegExp("^[a-z][a-z0-9_]*$", "u");
const pattern2 = new RegExp("^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$", "u");
const pattern5 = new RegExp("^[a-z0-9][a-z0-9_-]*$", "u");
const pattern7 = new RegExp("^[a-z0-9]+(-[a-z0-9]+)*$", "u");
const pattern15 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_.@-]*$", "u");
const pattern19 = new RegExp("^(?!.*/\\.\\.?(/|$))(/[A-Za-z0-9._+-]+)+$", "u");
const pattern20 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$", "u");
const pattern21 = new RegExp("^([1-9][0-9]?|100)%$", "u");
const pattern22 = new RegExp("^([1-9]?[0-9]|100)%$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://edpm-rolegen.invalid/schemas/plan.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.updateServices === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "updateServices"},message:"must have required property '"+"updateServices"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "$schema") || (key0 === "collection")) || (key0 === "ignoredRoles")) || (key0 === "updateServices")) || (key0 === "updateSystem")) || (key0 === "rollout"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.collection !== undefined){
let data1 = data.collection;
if(typeof data1 === "string"){
if(data1.length > 128){
const err3 = {instancePath:instancePath+"/collection",schemaPath:"#/properties/collection/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters",schema:128,parentSchema:schema11.properties.collection,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1.length < 1){
const err4 = {instancePath:instancePath+"/collection",schemaPath:"#/properties/collection/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.collection,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern0.test(data1)){
const err5 = {instancePath:instancePath+"/collection",schemaPath:"#/properties/collection/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$",parentSchema:schema11.properties.collection,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/collection",schemaPath:"#/properties/collection/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.collection.type,parentSchema:schema11.properties.collection,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.ignoredRoles !== undefined){
let data2 = data.ignoredRoles;
if(Array.isArray(data2)){
if(data2.length > 10000){
const err7 = {instancePath:instancePath+"/ignoredRoles",schemaPath:"#/properties/ignoredRoles/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.ignoredRoles,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data2.length < 0){
const err8 = {instancePath:instancePath+"/ignoredRoles",schemaPath:"#/properties/ignoredRoles/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.ignoredRoles,data:data2};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(typeof data3 === "string"){
if(data3.length > 100){
const err9 = {instancePath:instancePath+"/ignoredRoles/" + i0,schemaPath:"#/properties/ignoredRoles/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.ignoredRoles.items,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.length < 1){
const err10 = {instancePath:instancePath+"/ignoredRoles/" + i0,schemaPath:"#/properties/ignoredRoles/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.ignoredRoles.items,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!pattern1.test(data3)){
const err11 = {instancePath:instancePath+"/ignoredRoles/" + i0,schemaPath:"#/properties/ignoredRoles/items/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.ignoredRoles.items,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/ignoredRoles/" + i0,schemaPath:"#/properties/ignoredRoles/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.ignoredRoles.items.type,parentSchema:schema11.properties.ignoredRoles.items,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
let i1 = data2.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data2[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err13 = {instancePath:instancePath+"/ignoredRoles",schemaPath:"#/properties/ignoredRoles/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema11.properties.ignoredRoles,data:data2};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err14 = {instancePath:instancePath+"/ignoredRoles",schemaPath:"#/properties/ignoredRoles/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.ignoredRoles.type,parentSchema:schema11.properties.ignoredRoles,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.updateServices !== undefined){
let data4 = data.updateServices;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.containerSteps === undefined){
const err15 = {instancePath:instancePath+"/updateServices",schemaPath:"#/properties/updateServices/required",keyword:"required",params:{missingProperty: "containerSteps"},message:"must have required property '"+"containerSteps"+"'",schema:schema11.properties.updateServices.required,parentSchema:schema11.properties.updateServices,data:data4};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key1 in data4){
if(!(((((key1 === "essentialPackages") || (key1 === "alwaysExcludedPackages")) || (key1 === "alwaysBefore")) || (key1 === "containerSteps")) || (key1 === "prune"))){
const err16 = {instancePath:instancePath+"/updateServices",schemaPath:"#/properties/updateServices/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateServices,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data4.essentialPackages !== undefined){
let data5 = data4.essentialPackages;
if(Array.isArray(data5)){
if(data5.length > 10000){
const err17 = {instancePath:instancePath+"/updateServices/essentialPackages",schemaPath:"#/properties/updateServices/properties/essentialPackages/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateServices.properties.essentialPackages,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data5.length < 0){
const err18 = {instancePath:instancePath+"/updateServices/essentialPackages",schemaPath:"#/properties/updateServices/properties/essentialPackages/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateServices.properties.essentialPackages,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
const len1 = data5.length;
for(let i2=0; i2<len1; i2++){
let data6 = data5[i2];
if(typeof data6 === "string"){
if(data6.length > 200){
const err19 = {instancePath:instancePath+"/updateServices/essentialPackages/" + i2,schemaPath:"#/properties/updateServices/properties/essentialPackages/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.updateServices.properties.essentialPackages.items,data:data6};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data6.length < 1){
const err20 = {instancePath:instancePath+"/updateServices/essentialPackages/" + i2,schemaPath:"#/properties/updateServices/properties/essentialPackages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.essentialPackages.items,data:data6};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!pattern2.test(data6)){
const err21 = {instancePath:instancePath+"/updateServices/essentialPackages/" + i2,schemaPath:"#/properties/updateServices/properties/essentialPackages/items/pattern",keyword:"pattern",params:{pattern: "^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"},message:"must match pattern \""+"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"+"\"",schema:"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$",parentSchema:schema11.properties.updateServices.properties.essentialPackages.items,data:data6};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/updateServices/essentialPackages/" + i2,schemaPath:"#/properties/updateServices/properties/essentialPackages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.essentialPackages.items.type,parentSchema:schema11.properties.updateServices.properties.essentialPackages.items,data:data6};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
let i3 = data5.length;
let j1;
if(i3 > 1){
const indices1 = {};
for(;i3--;){
let item1 = data5[i3];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err23 = {instancePath:instancePath+"/updateServices/essentialPackages",schemaPath:"#/properties/updateServices/properties/essentialPackages/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema11.properties.updateServices.properties.essentialPackages,data:data5};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
break;
}
indices1[item1] = i3;
}
}
}
else {
const err24 = {instancePath:instancePath+"/updateServices/essentialPackages",schemaPath:"#/properties/updateServices/properties/essentialPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.essentialPackages.type,parentSchema:schema11.properties.updateServices.properties.essentialPackages,data:data5};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data4.alwaysExcludedPackages !== undefined){
let data7 = data4.alwaysExcludedPackages;
if(Array.isArray(data7)){
if(data7.length > 10000){
const err25 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages",schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data7.length < 0){
const err26 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages",schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
const len2 = data7.length;
for(let i4=0; i4<len2; i4++){
let data8 = data7[i4];
if(typeof data8 === "string"){
if(data8.length > 200){
const err27 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages/" + i4,schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages.items,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data8.length < 1){
const err28 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages/" + i4,schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages.items,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(!pattern2.test(data8)){
const err29 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages/" + i4,schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/items/pattern",keyword:"pattern",params:{pattern: "^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"},message:"must match pattern \""+"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"+"\"",schema:"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$",parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages.items,data:data8};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages/" + i4,schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.alwaysExcludedPackages.items.type,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages.items,data:data8};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
let i5 = data7.length;
let j2;
if(i5 > 1){
const indices2 = {};
for(;i5--;){
let item2 = data7[i5];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err31 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages",schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i5+" are identical)",schema:true,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages,data:data7};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
break;
}
indices2[item2] = i5;
}
}
}
else {
const err32 = {instancePath:instancePath+"/updateServices/alwaysExcludedPackages",schemaPath:"#/properties/updateServices/properties/alwaysExcludedPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.alwaysExcludedPackages.type,parentSchema:schema11.properties.updateServices.properties.alwaysExcludedPackages,data:data7};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data4.alwaysBefore !== undefined){
let data9 = data4.alwaysBefore;
if(Array.isArray(data9)){
if(data9.length > 1000){
const err33 = {instancePath:instancePath+"/updateServices/alwaysBefore",schemaPath:"#/properties/updateServices/properties/alwaysBefore/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema11.properties.updateServices.properties.alwaysBefore,data:data9};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
const len3 = data9.length;
for(let i6=0; i6<len3; i6++){
let data10 = data9[i6];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.role === undefined){
const err34 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema11.properties.updateServices.properties.alwaysBefore.items.required,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items,data:data10};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data10.tasks === undefined){
const err35 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/required",keyword:"required",params:{missingProperty: "tasks"},message:"must have required property '"+"tasks"+"'",schema:schema11.properties.updateServices.properties.alwaysBefore.items.required,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items,data:data10};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key2 in data10){
if(!(((key2 === "role") || (key2 === "tasks")) || (key2 === "become"))){
const err36 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items,data:data10};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data10.role !== undefined){
let data11 = data10.role;
if(typeof data11 === "string"){
if(data11.length > 100){
const err37 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/role",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/role/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.role,data:data11};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data11.length < 1){
const err38 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/role",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.role,data:data11};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(!pattern1.test(data11)){
const err39 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/role",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/role/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.role,data:data11};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
else {
const err40 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/role",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.role.type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.role,data:data11};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data10.tasks !== undefined){
let data12 = data10.tasks;
if(Array.isArray(data12)){
if(data12.length > 10000){
const err41 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks,data:data12};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
if(data12.length < 1){
const err42 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks,data:data12};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
const len4 = data12.length;
for(let i7=0; i7<len4; i7++){
let data13 = data12[i7];
if(typeof data13 === "string"){
if(data13.length > 100){
const err43 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks/" + i7,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks.items,data:data13};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data13.length < 1){
const err44 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks/" + i7,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks.items,data:data13};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
if(!pattern5.test(data13)){
const err45 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks/" + i7,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks.items,data:data13};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
else {
const err46 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks/" + i7,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks.items.type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks.items,data:data13};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
let i8 = data12.length;
let j3;
if(i8 > 1){
const indices3 = {};
for(;i8--;){
let item3 = data12[i8];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err47 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/uniqueItems",keyword:"uniqueItems",params:{i: i8, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i8+" are identical)",schema:true,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks,data:data12};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
break;
}
indices3[item3] = i8;
}
}
}
else {
const err48 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/tasks",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/tasks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks.type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.tasks,data:data12};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data10.become !== undefined){
let data14 = data10.become;
const _errs33 = errors;
let valid17 = false;
const _errs34 = errors;
if(typeof data14 !== "boolean"){
const err49 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[0].type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[0],data:data14};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
var _valid0 = _errs34 === errors;
valid17 = valid17 || _valid0;
if(!valid17){
const _errs36 = errors;
if(Array.isArray(data14)){
if(data14.length > 10000){
const err50 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
if(data14.length < 0){
const err51 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
const len5 = data14.length;
for(let i9=0; i9<len5; i9++){
let data15 = data14[i9];
if(typeof data15 === "string"){
if(data15.length > 100){
const err52 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become/" + i9,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1].items,data:data15};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
if(data15.length < 1){
const err53 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become/" + i9,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1].items,data:data15};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(!pattern5.test(data15)){
const err54 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become/" + i9,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1].items,data:data15};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
else {
const err55 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become/" + i9,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1].items.type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1].items,data:data15};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
let i10 = data14.length;
let j4;
if(i10 > 1){
const indices4 = {};
for(;i10--;){
let item4 = data14[i10];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
const err56 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i10, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i10+" are identical)",schema:true,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
break;
}
indices4[item4] = i10;
}
}
}
else {
const err57 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1].type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf[1],data:data14};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
var _valid0 = _errs36 === errors;
valid17 = valid17 || _valid0;
}
if(!valid17){
const err58 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6+"/become",schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/properties/become/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become.anyOf,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items.properties.become,data:data14};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
else {
errors = _errs33;
if(vErrors !== null){
if(_errs33){
vErrors.length = _errs33;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err59 = {instancePath:instancePath+"/updateServices/alwaysBefore/" + i6,schemaPath:"#/properties/updateServices/properties/alwaysBefore/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateServices.properties.alwaysBefore.items.type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore.items,data:data10};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
}
else {
const err60 = {instancePath:instancePath+"/updateServices/alwaysBefore",schemaPath:"#/properties/updateServices/properties/alwaysBefore/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.alwaysBefore.type,parentSchema:schema11.properties.updateServices.properties.alwaysBefore,data:data9};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
if(data4.containerSteps !== undefined){
let data16 = data4.containerSteps;
if(Array.isArray(data16)){
if(data16.length > 100000){
const err61 = {instancePath:instancePath+"/updateServices/containerSteps",schemaPath:"#/properties/updateServices/properties/containerSteps/maxItems",keyword:"maxItems",params:{limit: 100000},message:"must NOT have more than 100000 items",schema:100000,parentSchema:schema11.properties.updateServices.properties.containerSteps,data:data16};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
const len6 = data16.length;
for(let i11=0; i11<len6; i11++){
let data17 = data16[i11];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.serviceType === undefined){
const err62 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11,schemaPath:"#/properties/updateServices/properties/containerSteps/items/required",keyword:"required",params:{missingProperty: "serviceType"},message:"must have required property '"+"serviceType"+"'",schema:schema11.properties.updateServices.properties.containerSteps.items.required,parentSchema:schema11.properties.updateServices.properties.containerSteps.items,data:data17};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(data17.role === undefined){
const err63 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11,schemaPath:"#/properties/updateServices/properties/containerSteps/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema11.properties.updateServices.properties.containerSteps.items.required,parentSchema:schema11.properties.updateServices.properties.containerSteps.items,data:data17};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(data17.tasks === undefined){
const err64 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11,schemaPath:"#/properties/updateServices/properties/containerSteps/items/required",keyword:"required",params:{missingProperty: "tasks"},message:"must have required property '"+"tasks"+"'",schema:schema11.properties.updateServices.properties.containerSteps.items.required,parentSchema:schema11.properties.updateServices.properties.containerSteps.items,data:data17};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
for(const key3 in data17){
if(!((((key3 === "serviceType") || (key3 === "role")) || (key3 === "tasks")) || (key3 === "become"))){
const err65 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11,schemaPath:"#/properties/updateServices/properties/containerSteps/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateServices.properties.containerSteps.items,data:data17};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data17.serviceType !== undefined){
let data18 = data17.serviceType;
if(typeof data18 === "string"){
if(data18.length > 63){
const err66 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/serviceType",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/serviceType/maxLength",keyword:"maxLength",params:{limit: 63},message:"must NOT have more than 63 characters",schema:63,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.serviceType,data:data18};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(data18.length < 1){
const err67 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/serviceType",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/serviceType/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.serviceType,data:data18};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
if(!pattern7.test(data18)){
const err68 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/serviceType",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/serviceType/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"},message:"must match pattern \""+"^[a-z0-9]+(-[a-z0-9]+)*$"+"\"",schema:"^[a-z0-9]+(-[a-z0-9]+)*$",parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.serviceType,data:data18};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
else {
const err69 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/serviceType",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/serviceType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.serviceType.type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.serviceType,data:data18};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data17.role !== undefined){
let data19 = data17.role;
if(typeof data19 === "string"){
if(data19.length > 100){
const err70 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/role",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/role/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.role,data:data19};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data19.length < 1){
const err71 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/role",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.role,data:data19};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(!pattern1.test(data19)){
const err72 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/role",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/role/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.role,data:data19};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
else {
const err73 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/role",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.role.type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.role,data:data19};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data17.tasks !== undefined){
let data20 = data17.tasks;
if(Array.isArray(data20)){
if(data20.length > 10000){
const err74 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks,data:data20};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
if(data20.length < 1){
const err75 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks,data:data20};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
const len7 = data20.length;
for(let i12=0; i12<len7; i12++){
let data21 = data20[i12];
if(typeof data21 === "string"){
if(data21.length > 100){
const err76 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks/" + i12,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks.items,data:data21};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if(data21.length < 1){
const err77 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks/" + i12,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks.items,data:data21};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(!pattern5.test(data21)){
const err78 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks/" + i12,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks.items,data:data21};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks/" + i12,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks.items.type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks.items,data:data21};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
let i13 = data20.length;
let j5;
if(i13 > 1){
const indices5 = {};
for(;i13--;){
let item5 = data20[i13];
if(typeof item5 !== "string"){
continue;
}
if(typeof indices5[item5] == "number"){
j5 = indices5[item5];
const err80 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/uniqueItems",keyword:"uniqueItems",params:{i: i13, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i13+" are identical)",schema:true,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks,data:data20};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
break;
}
indices5[item5] = i13;
}
}
}
else {
const err81 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/tasks",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/tasks/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks.type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.tasks,data:data20};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data17.become !== undefined){
let data22 = data17.become;
const _errs54 = errors;
let valid27 = false;
const _errs55 = errors;
if(typeof data22 !== "boolean"){
const err82 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/0/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[0].type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[0],data:data22};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
var _valid1 = _errs55 === errors;
valid27 = valid27 || _valid1;
if(!valid27){
const _errs57 = errors;
if(Array.isArray(data22)){
if(data22.length > 10000){
const err83 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1],data:data22};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
if(data22.length < 0){
const err84 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1],data:data22};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
const len8 = data22.length;
for(let i14=0; i14<len8; i14++){
let data23 = data22[i14];
if(typeof data23 === "string"){
if(data23.length > 100){
const err85 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become/" + i14,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1].items,data:data23};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data23.length < 1){
const err86 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become/" + i14,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1].items,data:data23};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(!pattern5.test(data23)){
const err87 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become/" + i14,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1].items,data:data23};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
else {
const err88 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become/" + i14,schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1].items.type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1].items,data:data23};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
let i15 = data22.length;
let j6;
if(i15 > 1){
const indices6 = {};
for(;i15--;){
let item6 = data22[i15];
if(typeof item6 !== "string"){
continue;
}
if(typeof indices6[item6] == "number"){
j6 = indices6[item6];
const err89 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i15, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i15+" are identical)",schema:true,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1],data:data22};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
break;
}
indices6[item6] = i15;
}
}
}
else {
const err90 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1].type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf[1],data:data22};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
var _valid1 = _errs57 === errors;
valid27 = valid27 || _valid1;
}
if(!valid27){
const err91 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11+"/become",schemaPath:"#/properties/updateServices/properties/containerSteps/items/properties/become/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.updateServices.properties.containerSteps.items.properties.become.anyOf,parentSchema:schema11.properties.updateServices.properties.containerSteps.items.properties.become,data:data22};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
else {
errors = _errs54;
if(vErrors !== null){
if(_errs54){
vErrors.length = _errs54;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err92 = {instancePath:instancePath+"/updateServices/containerSteps/" + i11,schemaPath:"#/properties/updateServices/properties/containerSteps/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateServices.properties.containerSteps.items.type,parentSchema:schema11.properties.updateServices.properties.containerSteps.items,data:data17};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
else {
const err93 = {instancePath:instancePath+"/updateServices/containerSteps",schemaPath:"#/properties/updateServices/properties/containerSteps/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateServices.properties.containerSteps.type,parentSchema:schema11.properties.updateServices.properties.containerSteps,data:data16};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data4.prune !== undefined){
let data24 = data4.prune;
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
for(const key4 in data24){
if(!((key4 === "images") || (key4 === "volumes"))){
const err94 = {instancePath:instancePath+"/updateServices/prune",schemaPath:"#/properties/updateServices/properties/prune/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateServices.properties.prune,data:data24};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data24.images !== undefined){
let data25 = data24.images;
if(typeof data25 !== "boolean"){
const err95 = {instancePath:instancePath+"/updateServices/prune/images",schemaPath:"#/properties/updateServices/properties/prune/properties/images/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.updateServices.properties.prune.properties.images.type,parentSchema:schema11.properties.updateServices.properties.prune.properties.images,data:data25};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data24.volumes !== undefined){
let data26 = data24.volumes;
if(typeof data26 !== "boolean"){
const err96 = {instancePath:instancePath+"/updateServices/prune/volumes",schemaPath:"#/properties/updateServices/properties/prune/properties/volumes/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.updateServices.properties.prune.properties.volumes.type,parentSchema:schema11.properties.updateServices.properties.prune.properties.volumes,data:data26};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
else {
const err97 = {instancePath:instancePath+"/updateServices/prune",schemaPath:"#/properties/updateServices/properties/prune/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateServices.properties.prune.type,parentSchema:schema11.properties.updateServices.properties.prune,data:data24};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath:instancePath+"/updateServices",schemaPath:"#/properties/updateServices/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateServices.type,parentSchema:schema11.properties.updateServices,data:data4};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
if(data.updateSystem !== undefined){
let data27 = data.updateSystem;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key5 in data27){
if(!(((((key5 === "openvswitch") || (key5 === "includePackages")) || (key5 === "alwaysExcludedPackages")) || (key5 === "kpatch")) || (key5 === "bootc"))){
const err99 = {instancePath:instancePath+"/updateSystem",schemaPath:"#/properties/updateSystem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateSystem,data:data27};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
if(data27.openvswitch !== undefined){
let data28 = data27.openvswitch;
if(data28 && typeof data28 == "object" && !Array.isArray(data28)){
for(const key6 in data28){
if(!((((((key6 === "tasks") || (key6 === "packages")) || (key6 === "reloadAfterUpdate")) || (key6 === "downloadRetries")) || (key6 === "downloadDelay")) || (key6 === "serviceName"))){
const err100 = {instancePath:instancePath+"/updateSystem/openvswitch",schemaPath:"#/properties/updateSystem/properties/openvswitch/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateSystem.properties.openvswitch,data:data28};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
if(data28.tasks !== undefined){
let data29 = data28.tasks;
const _errs75 = errors;
let valid34 = false;
const _errs76 = errors;
if(typeof data29 !== "string"){
const err101 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[0].type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[0],data:data29};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
if("inline" !== data29){
const err102 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/0/const",keyword:"const",params:{allowedValue: "inline"},message:"must be equal to constant",schema:"inline",parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[0],data:data29};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
var _valid2 = _errs76 === errors;
valid34 = valid34 || _valid2;
if(!valid34){
const _errs78 = errors;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
if(data29.role === undefined){
const err103 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].required,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1],data:data29};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
if(data29.tasks === undefined){
const err104 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/required",keyword:"required",params:{missingProperty: "tasks"},message:"must have required property '"+"tasks"+"'",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].required,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1],data:data29};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
for(const key7 in data29){
if(!((key7 === "role") || (key7 === "tasks"))){
const err105 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1],data:data29};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
if(data29.role !== undefined){
let data30 = data29.role;
if(typeof data30 === "string"){
if(data30.length > 100){
const err106 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/role",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/role/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.role,data:data30};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
if(data30.length < 1){
const err107 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/role",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/role/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.role,data:data30};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
if(!pattern1.test(data30)){
const err108 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/role",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/role/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_]*$"},message:"must match pattern \""+"^[a-z][a-z0-9_]*$"+"\"",schema:"^[a-z][a-z0-9_]*$",parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.role,data:data30};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
else {
const err109 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/role",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.role.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.role,data:data30};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
if(data29.tasks !== undefined){
let data31 = data29.tasks;
const _errs84 = errors;
let valid36 = false;
const _errs85 = errors;
if(typeof data31 === "string"){
if(data31.length > 100){
const err110 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/0/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[0],data:data31};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
if(data31.length < 1){
const err111 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[0],data:data31};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(!pattern5.test(data31)){
const err112 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/0/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[0],data:data31};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
else {
const err113 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[0].type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[0],data:data31};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
var _valid3 = _errs85 === errors;
valid36 = valid36 || _valid3;
if(!valid36){
const _errs87 = errors;
if(Array.isArray(data31)){
if(data31.length > 10000){
const err114 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1],data:data31};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
if(data31.length < 1){
const err115 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1],data:data31};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
const len9 = data31.length;
for(let i16=0; i16<len9; i16++){
let data32 = data31[i16];
if(typeof data32 === "string"){
if(data32.length > 100){
const err116 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks/" + i16,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1].items,data:data32};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
if(data32.length < 1){
const err117 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks/" + i16,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1].items,data:data32};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
if(!pattern5.test(data32)){
const err118 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks/" + i16,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/items/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1].items,data:data32};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
else {
const err119 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks/" + i16,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1].items.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1].items,data:data32};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
let i17 = data31.length;
let j7;
if(i17 > 1){
const indices7 = {};
for(;i17--;){
let item7 = data31[i17];
if(typeof item7 !== "string"){
continue;
}
if(typeof indices7[item7] == "number"){
j7 = indices7[item7];
const err120 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i17, j: j7},message:"must NOT have duplicate items (items ## "+j7+" and "+i17+" are identical)",schema:true,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1],data:data31};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
break;
}
indices7[item7] = i17;
}
}
}
else {
const err121 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1].type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf[1],data:data31};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
var _valid3 = _errs87 === errors;
valid36 = valid36 || _valid3;
}
if(!valid36){
const err122 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/properties/tasks/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks.anyOf,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].properties.tasks,data:data31};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
else {
errors = _errs84;
if(vErrors !== null){
if(_errs84){
vErrors.length = _errs84;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err123 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1].type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf[1],data:data29};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
var _valid2 = _errs78 === errors;
valid34 = valid34 || _valid2;
}
if(!valid34){
const err124 = {instancePath:instancePath+"/updateSystem/openvswitch/tasks",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/tasks/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks.anyOf,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.tasks,data:data29};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
else {
errors = _errs75;
if(vErrors !== null){
if(_errs75){
vErrors.length = _errs75;
}
else {
vErrors = null;
}
}
}
}
if(data28.packages !== undefined){
let data33 = data28.packages;
if(Array.isArray(data33)){
if(data33.length > 10000){
const err125 = {instancePath:instancePath+"/updateSystem/openvswitch/packages",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages,data:data33};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
if(data33.length < 0){
const err126 = {instancePath:instancePath+"/updateSystem/openvswitch/packages",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages,data:data33};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
const len10 = data33.length;
for(let i18=0; i18<len10; i18++){
let data34 = data33[i18];
if(typeof data34 === "string"){
if(data34.length > 200){
const err127 = {instancePath:instancePath+"/updateSystem/openvswitch/packages/" + i18,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages.items,data:data34};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
if(data34.length < 1){
const err128 = {instancePath:instancePath+"/updateSystem/openvswitch/packages/" + i18,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages.items,data:data34};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
if(!pattern2.test(data34)){
const err129 = {instancePath:instancePath+"/updateSystem/openvswitch/packages/" + i18,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/items/pattern",keyword:"pattern",params:{pattern: "^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"},message:"must match pattern \""+"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"+"\"",schema:"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$",parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages.items,data:data34};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
}
else {
const err130 = {instancePath:instancePath+"/updateSystem/openvswitch/packages/" + i18,schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.openvswitch.properties.packages.items.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages.items,data:data34};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
}
let i19 = data33.length;
let j8;
if(i19 > 1){
const indices8 = {};
for(;i19--;){
let item8 = data33[i19];
if(typeof item8 !== "string"){
continue;
}
if(typeof indices8[item8] == "number"){
j8 = indices8[item8];
const err131 = {instancePath:instancePath+"/updateSystem/openvswitch/packages",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/uniqueItems",keyword:"uniqueItems",params:{i: i19, j: j8},message:"must NOT have duplicate items (items ## "+j8+" and "+i19+" are identical)",schema:true,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages,data:data33};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
break;
}
indices8[item8] = i19;
}
}
}
else {
const err132 = {instancePath:instancePath+"/updateSystem/openvswitch/packages",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/packages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateSystem.properties.openvswitch.properties.packages.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.packages,data:data33};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
if(data28.reloadAfterUpdate !== undefined){
let data35 = data28.reloadAfterUpdate;
if(typeof data35 !== "boolean"){
const err133 = {instancePath:instancePath+"/updateSystem/openvswitch/reloadAfterUpdate",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/reloadAfterUpdate/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.updateSystem.properties.openvswitch.properties.reloadAfterUpdate.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.reloadAfterUpdate,data:data35};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data28.downloadRetries !== undefined){
let data36 = data28.downloadRetries;
if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){
const err134 = {instancePath:instancePath+"/updateSystem/openvswitch/downloadRetries",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/downloadRetries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadRetries.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadRetries,data:data36};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
if((typeof data36 == "number") && (isFinite(data36))){
if(data36 > 100 || isNaN(data36)){
const err135 = {instancePath:instancePath+"/updateSystem/openvswitch/downloadRetries",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/downloadRetries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadRetries,data:data36};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
if(data36 < 0 || isNaN(data36)){
const err136 = {instancePath:instancePath+"/updateSystem/openvswitch/downloadRetries",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/downloadRetries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadRetries,data:data36};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
}
}
if(data28.downloadDelay !== undefined){
let data37 = data28.downloadDelay;
if(!(((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37))) && (isFinite(data37)))){
const err137 = {instancePath:instancePath+"/updateSystem/openvswitch/downloadDelay",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/downloadDelay/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadDelay.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadDelay,data:data37};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
if((typeof data37 == "number") && (isFinite(data37))){
if(data37 > 3600 || isNaN(data37)){
const err138 = {instancePath:instancePath+"/updateSystem/openvswitch/downloadDelay",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/downloadDelay/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadDelay,data:data37};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
if(data37 < 0 || isNaN(data37)){
const err139 = {instancePath:instancePath+"/updateSystem/openvswitch/downloadDelay",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/downloadDelay/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.downloadDelay,data:data37};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
}
}
if(data28.serviceName !== undefined){
let data38 = data28.serviceName;
if(typeof data38 === "string"){
if(data38.length > 100){
const err140 = {instancePath:instancePath+"/updateSystem/openvswitch/serviceName",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/serviceName/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.serviceName,data:data38};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
if(data38.length < 1){
const err141 = {instancePath:instancePath+"/updateSystem/openvswitch/serviceName",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/serviceName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.serviceName,data:data38};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
if(!pattern15.test(data38)){
const err142 = {instancePath:instancePath+"/updateSystem/openvswitch/serviceName",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/serviceName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_][A-Za-z0-9_.@-]*$"},message:"must match pattern \""+"^[A-Za-z0-9_][A-Za-z0-9_.@-]*$"+"\"",schema:"^[A-Za-z0-9_][A-Za-z0-9_.@-]*$",parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.serviceName,data:data38};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/updateSystem/openvswitch/serviceName",schemaPath:"#/properties/updateSystem/properties/openvswitch/properties/serviceName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.openvswitch.properties.serviceName.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch.properties.serviceName,data:data38};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
}
else {
const err144 = {instancePath:instancePath+"/updateSystem/openvswitch",schemaPath:"#/properties/updateSystem/properties/openvswitch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateSystem.properties.openvswitch.type,parentSchema:schema11.properties.updateSystem.properties.openvswitch,data:data28};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
}
if(data27.includePackages !== undefined){
let data39 = data27.includePackages;
if(Array.isArray(data39)){
if(data39.length > 10000){
const err145 = {instancePath:instancePath+"/updateSystem/includePackages",schemaPath:"#/properties/updateSystem/properties/includePackages/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateSystem.properties.includePackages,data:data39};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
if(data39.length < 1){
const err146 = {instancePath:instancePath+"/updateSystem/includePackages",schemaPath:"#/properties/updateSystem/properties/includePackages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.updateSystem.properties.includePackages,data:data39};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
const len11 = data39.length;
for(let i20=0; i20<len11; i20++){
let data40 = data39[i20];
if(typeof data40 === "string"){
if(data40.length > 200){
const err147 = {instancePath:instancePath+"/updateSystem/includePackages/" + i20,schemaPath:"#/properties/updateSystem/properties/includePackages/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.updateSystem.properties.includePackages.items,data:data40};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
if(data40.length < 1){
const err148 = {instancePath:instancePath+"/updateSystem/includePackages/" + i20,schemaPath:"#/properties/updateSystem/properties/includePackages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.includePackages.items,data:data40};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if(!pattern2.test(data40)){
const err149 = {instancePath:instancePath+"/updateSystem/includePackages/" + i20,schemaPath:"#/properties/updateSystem/properties/includePackages/items/pattern",keyword:"pattern",params:{pattern: "^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"},message:"must match pattern \""+"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"+"\"",schema:"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$",parentSchema:schema11.properties.updateSystem.properties.includePackages.items,data:data40};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
else {
const err150 = {instancePath:instancePath+"/updateSystem/includePackages/" + i20,schemaPath:"#/properties/updateSystem/properties/includePackages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.includePackages.items.type,parentSchema:schema11.properties.updateSystem.properties.includePackages.items,data:data40};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
}
let i21 = data39.length;
let j9;
if(i21 > 1){
const indices9 = {};
for(;i21--;){
let item9 = data39[i21];
if(typeof item9 !== "string"){
continue;
}
if(typeof indices9[item9] == "number"){
j9 = indices9[item9];
const err151 = {instancePath:instancePath+"/updateSystem/includePackages",schemaPath:"#/properties/updateSystem/properties/includePackages/uniqueItems",keyword:"uniqueItems",params:{i: i21, j: j9},message:"must NOT have duplicate items (items ## "+j9+" and "+i21+" are identical)",schema:true,parentSchema:schema11.properties.updateSystem.properties.includePackages,data:data39};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
break;
}
indices9[item9] = i21;
}
}
}
else {
const err152 = {instancePath:instancePath+"/updateSystem/includePackages",schemaPath:"#/properties/updateSystem/properties/includePackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateSystem.properties.includePackages.type,parentSchema:schema11.properties.updateSystem.properties.includePackages,data:data39};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
if(data27.alwaysExcludedPackages !== undefined){
let data41 = data27.alwaysExcludedPackages;
if(Array.isArray(data41)){
if(data41.length > 10000){
const err153 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages",schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages,data:data41};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
}
if(data41.length < 0){
const err154 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages",schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages,data:data41};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
const len12 = data41.length;
for(let i22=0; i22<len12; i22++){
let data42 = data41[i22];
if(typeof data42 === "string"){
if(data42.length > 200){
const err155 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages/" + i22,schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages.items,data:data42};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
if(data42.length < 1){
const err156 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages/" + i22,schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages.items,data:data42};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
if(!pattern2.test(data42)){
const err157 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages/" + i22,schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/items/pattern",keyword:"pattern",params:{pattern: "^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"},message:"must match pattern \""+"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"+"\"",schema:"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$",parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages.items,data:data42};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
}
else {
const err158 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages/" + i22,schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.alwaysExcludedPackages.items.type,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages.items,data:data42};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
let i23 = data41.length;
let j10;
if(i23 > 1){
const indices10 = {};
for(;i23--;){
let item10 = data41[i23];
if(typeof item10 !== "string"){
continue;
}
if(typeof indices10[item10] == "number"){
j10 = indices10[item10];
const err159 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages",schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/uniqueItems",keyword:"uniqueItems",params:{i: i23, j: j10},message:"must NOT have duplicate items (items ## "+j10+" and "+i23+" are identical)",schema:true,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages,data:data41};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
break;
}
indices10[item10] = i23;
}
}
}
else {
const err160 = {instancePath:instancePath+"/updateSystem/alwaysExcludedPackages",schemaPath:"#/properties/updateSystem/properties/alwaysExcludedPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateSystem.properties.alwaysExcludedPackages.type,parentSchema:schema11.properties.updateSystem.properties.alwaysExcludedPackages,data:data41};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
}
if(data27.kpatch !== undefined){
let data43 = data27.kpatch;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
for(const key8 in data43){
if(!((key8 === "enabled") || (key8 === "kernelPackages"))){
const err161 = {instancePath:instancePath+"/updateSystem/kpatch",schemaPath:"#/properties/updateSystem/properties/kpatch/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateSystem.properties.kpatch,data:data43};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
}
if(data43.enabled !== undefined){
let data44 = data43.enabled;
if(typeof data44 !== "boolean"){
const err162 = {instancePath:instancePath+"/updateSystem/kpatch/enabled",schemaPath:"#/properties/updateSystem/properties/kpatch/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.updateSystem.properties.kpatch.properties.enabled.type,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.enabled,data:data44};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data43.kernelPackages !== undefined){
let data45 = data43.kernelPackages;
if(Array.isArray(data45)){
if(data45.length > 10000){
const err163 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages",schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/maxItems",keyword:"maxItems",params:{limit: 10000},message:"must NOT have more than 10000 items",schema:10000,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages,data:data45};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
if(data45.length < 0){
const err164 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages",schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/minItems",keyword:"minItems",params:{limit: 0},message:"must NOT have fewer than 0 items",schema:0,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages,data:data45};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
const len13 = data45.length;
for(let i24=0; i24<len13; i24++){
let data46 = data45[i24];
if(typeof data46 === "string"){
if(data46.length > 200){
const err165 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages/" + i24,schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/items/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages.items,data:data46};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(data46.length < 1){
const err166 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages/" + i24,schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages.items,data:data46};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
if(!pattern2.test(data46)){
const err167 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages/" + i24,schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/items/pattern",keyword:"pattern",params:{pattern: "^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"},message:"must match pattern \""+"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$"+"\"",schema:"^(?![-.])[A-Za-z0-9._+*?-]*(\\[[A-Za-z0-9._+-]+\\][A-Za-z0-9._+*?-]*)*$",parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages.items,data:data46};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
else {
const err168 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages/" + i24,schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages.items.type,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages.items,data:data46};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
let i25 = data45.length;
let j11;
if(i25 > 1){
const indices11 = {};
for(;i25--;){
let item11 = data45[i25];
if(typeof item11 !== "string"){
continue;
}
if(typeof indices11[item11] == "number"){
j11 = indices11[item11];
const err169 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages",schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/uniqueItems",keyword:"uniqueItems",params:{i: i25, j: j11},message:"must NOT have duplicate items (items ## "+j11+" and "+i25+" are identical)",schema:true,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages,data:data45};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
break;
}
indices11[item11] = i25;
}
}
}
else {
const err170 = {instancePath:instancePath+"/updateSystem/kpatch/kernelPackages",schemaPath:"#/properties/updateSystem/properties/kpatch/properties/kernelPackages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages.type,parentSchema:schema11.properties.updateSystem.properties.kpatch.properties.kernelPackages,data:data45};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
}
else {
const err171 = {instancePath:instancePath+"/updateSystem/kpatch",schemaPath:"#/properties/updateSystem/properties/kpatch/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateSystem.properties.kpatch.type,parentSchema:schema11.properties.updateSystem.properties.kpatch,data:data43};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
}
if(data27.bootc !== undefined){
let data47 = data27.bootc;
if(data47 && typeof data47 == "object" && !Array.isArray(data47)){
for(const key9 in data47){
if(!(key9 === "rebootRequiredFile")){
const err172 = {instancePath:instancePath+"/updateSystem/bootc",schemaPath:"#/properties/updateSystem/properties/bootc/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.updateSystem.properties.bootc,data:data47};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
if(data47.rebootRequiredFile !== undefined){
let data48 = data47.rebootRequiredFile;
if(typeof data48 === "string"){
if(data48.length > 255){
const err173 = {instancePath:instancePath+"/updateSystem/bootc/rebootRequiredFile",schemaPath:"#/properties/updateSystem/properties/bootc/properties/rebootRequiredFile/maxLength",keyword:"maxLength",params:{limit: 255},message:"must NOT have more than 255 characters",schema:255,parentSchema:schema11.properties.updateSystem.properties.bootc.properties.rebootRequiredFile,data:data48};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
if(data48.length < 1){
const err174 = {instancePath:instancePath+"/updateSystem/bootc/rebootRequiredFile",schemaPath:"#/properties/updateSystem/properties/bootc/properties/rebootRequiredFile/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.updateSystem.properties.bootc.properties.rebootRequiredFile,data:data48};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
}
if(!pattern19.test(data48)){
const err175 = {instancePath:instancePath+"/updateSystem/bootc/rebootRequiredFile",schemaPath:"#/properties/updateSystem/properties/bootc/properties/rebootRequiredFile/pattern",keyword:"pattern",params:{pattern: "^(?!.*/\\.\\.?(/|$))(/[A-Za-z0-9._+-]+)+$"},message:"must match pattern \""+"^(?!.*/\\.\\.?(/|$))(/[A-Za-z0-9._+-]+)+$"+"\"",schema:"^(?!.*/\\.\\.?(/|$))(/[A-Za-z0-9._+-]+)+$",parentSchema:schema11.properties.updateSystem.properties.bootc.properties.rebootRequiredFile,data:data48};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
else {
const err176 = {instancePath:instancePath+"/updateSystem/bootc/rebootRequiredFile",schemaPath:"#/properties/updateSystem/properties/bootc/properties/rebootRequiredFile/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.updateSystem.properties.bootc.properties.rebootRequiredFile.type,parentSchema:schema11.properties.updateSystem.properties.bootc.properties.rebootRequiredFile,data:data48};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
}
else {
const err177 = {instancePath:instancePath+"/updateSystem/bootc",schemaPath:"#/properties/updateSystem/properties/bootc/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateSystem.properties.bootc.type,parentSchema:schema11.properties.updateSystem.properties.bootc,data:data47};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
}
else {
const err178 = {instancePath:instancePath+"/updateSystem",schemaPath:"#/properties/updateSystem/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.updateSystem.type,parentSchema:schema11.properties.updateSystem,data:data27};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
if(data.rollout !== undefined){
let data49 = data.rollout;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key10 in data49){
if(!((key10 === "updateServices") || (key10 === "updateSystem"))){
const err179 = {instancePath:instancePath+"/rollout",schemaPath:"#/properties/rollout/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rollout,data:data49};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
if(data49.updateServices !== undefined){
let data50 = data49.updateServices;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
for(const key11 in data50){
if(!(((key11 === "canary") || (key11 === "waves")) || (key11 === "failureBudget"))){
const err180 = {instancePath:instancePath+"/rollout/updateServices",schemaPath:"#/properties/rollout/properties/updateServices/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rollout.properties.updateServices,data:data50};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
if(data50.canary !== undefined){
let data51 = data50.canary;
const _errs132 = errors;
let valid56 = false;
const _errs133 = errors;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
const err181 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[0].type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[0],data:data51};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 > 100000 || isNaN(data51)){
const err182 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[0],data:data51};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
if(data51 < 1 || isNaN(data51)){
const err183 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[0],data:data51};
if(vErrors === null){
vErrors = [err183];
}
else {
vErrors.push(err183);
}
errors++;
}
}
var _valid4 = _errs133 === errors;
valid56 = valid56 || _valid4;
if(!valid56){
const _errs135 = errors;
if(Array.isArray(data51)){
if(data51.length > 1000){
const err184 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1],data:data51};
if(vErrors === null){
vErrors = [err184];
}
else {
vErrors.push(err184);
}
errors++;
}
if(data51.length < 1){
const err185 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1],data:data51};
if(vErrors === null){
vErrors = [err185];
}
else {
vErrors.push(err185);
}
errors++;
}
const len14 = data51.length;
for(let i26=0; i26<len14; i26++){
let data52 = data51[i26];
if(typeof data52 === "string"){
if(data52.length > 253){
const err186 = {instancePath:instancePath+"/rollout/updateServices/canary/" + i26,schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters",schema:253,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1].items,data:data52};
if(vErrors === null){
vErrors = [err186];
}
else {
vErrors.push(err186);
}
errors++;
}
if(data52.length < 1){
const err187 = {instancePath:instancePath+"/rollout/updateServices/canary/" + i26,schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1].items,data:data52};
if(vErrors === null){
vErrors = [err187];
}
else {
vErrors.push(err187);
}
errors++;
}
if(!pattern20.test(data52)){
const err188 = {instancePath:instancePath+"/rollout/updateServices/canary/" + i26,schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$",parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1].items,data:data52};
if(vErrors === null){
vErrors = [err188];
}
else {
vErrors.push(err188);
}
errors++;
}
}
else {
const err189 = {instancePath:instancePath+"/rollout/updateServices/canary/" + i26,schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1].items.type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1].items,data:data52};
if(vErrors === null){
vErrors = [err189];
}
else {
vErrors.push(err189);
}
errors++;
}
}
let i27 = data51.length;
let j12;
if(i27 > 1){
const indices12 = {};
for(;i27--;){
let item12 = data51[i27];
if(typeof item12 !== "string"){
continue;
}
if(typeof indices12[item12] == "number"){
j12 = indices12[item12];
const err190 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i27, j: j12},message:"must NOT have duplicate items (items ## "+j12+" and "+i27+" are identical)",schema:true,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1],data:data51};
if(vErrors === null){
vErrors = [err190];
}
else {
vErrors.push(err190);
}
errors++;
break;
}
indices12[item12] = i27;
}
}
}
else {
const err191 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1].type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf[1],data:data51};
if(vErrors === null){
vErrors = [err191];
}
else {
vErrors.push(err191);
}
errors++;
}
var _valid4 = _errs135 === errors;
valid56 = valid56 || _valid4;
}
if(!valid56){
const err192 = {instancePath:instancePath+"/rollout/updateServices/canary",schemaPath:"#/properties/rollout/properties/updateServices/properties/canary/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollout.properties.updateServices.properties.canary.anyOf,parentSchema:schema11.properties.rollout.properties.updateServices.properties.canary,data:data51};
if(vErrors === null){
vErrors = [err192];
}
else {
vErrors.push(err192);
}
errors++;
}
else {
errors = _errs132;
if(vErrors !== null){
if(_errs132){
vErrors.length = _errs132;
}
else {
vErrors = null;
}
}
}
}
if(data50.waves !== undefined){
let data53 = data50.waves;
if(Array.isArray(data53)){
if(data53.length > 100){
const err193 = {instancePath:instancePath+"/rollout/updateServices/waves",schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves,data:data53};
if(vErrors === null){
vErrors = [err193];
}
else {
vErrors.push(err193);
}
errors++;
}
const len15 = data53.length;
for(let i28=0; i28<len15; i28++){
let data54 = data53[i28];
const _errs142 = errors;
let valid62 = false;
const _errs143 = errors;
if(!(((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54))) && (isFinite(data54)))){
const err194 = {instancePath:instancePath+"/rollout/updateServices/waves/" + i28,schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[0].type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[0],data:data54};
if(vErrors === null){
vErrors = [err194];
}
else {
vErrors.push(err194);
}
errors++;
}
if((typeof data54 == "number") && (isFinite(data54))){
if(data54 > 100000 || isNaN(data54)){
const err195 = {instancePath:instancePath+"/rollout/updateServices/waves/" + i28,schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/items/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[0],data:data54};
if(vErrors === null){
vErrors = [err195];
}
else {
vErrors.push(err195);
}
errors++;
}
if(data54 < 1 || isNaN(data54)){
const err196 = {instancePath:instancePath+"/rollout/updateServices/waves/" + i28,schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/items/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[0],data:data54};
if(vErrors === null){
vErrors = [err196];
}
else {
vErrors.push(err196);
}
errors++;
}
}
var _valid5 = _errs143 === errors;
valid62 = valid62 || _valid5;
if(!valid62){
const _errs145 = errors;
if(typeof data54 === "string"){
if(!pattern21.test(data54)){
const err197 = {instancePath:instancePath+"/rollout/updateServices/waves/" + i28,schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/items/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^([1-9][0-9]?|100)%$"},message:"must match pattern \""+"^([1-9][0-9]?|100)%$"+"\"",schema:"^([1-9][0-9]?|100)%$",parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[1],data:data54};
if(vErrors === null){
vErrors = [err197];
}
else {
vErrors.push(err197);
}
errors++;
}
}
else {
const err198 = {instancePath:instancePath+"/rollout/updateServices/waves/" + i28,schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[1].type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf[1],data:data54};
if(vErrors === null){
vErrors = [err198];
}
else {
vErrors.push(err198);
}
errors++;
}
var _valid5 = _errs145 === errors;
valid62 = valid62 || _valid5;
}
if(!valid62){
const err199 = {instancePath:instancePath+"/rollout/updateServices/waves/" + i28,schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollout.properties.updateServices.properties.waves.items.anyOf,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves.items,data:data54};
if(vErrors === null){
vErrors = [err199];
}
else {
vErrors.push(err199);
}
errors++;
}
else {
errors = _errs142;
if(vErrors !== null){
if(_errs142){
vErrors.length = _errs142;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err200 = {instancePath:instancePath+"/rollout/updateServices/waves",schemaPath:"#/properties/rollout/properties/updateServices/properties/waves/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rollout.properties.updateServices.properties.waves.type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.waves,data:data53};
if(vErrors === null){
vErrors = [err200];
}
else {
vErrors.push(err200);
}
errors++;
}
}
if(data50.failureBudget !== undefined){
let data55 = data50.failureBudget;
const _errs148 = errors;
let valid63 = false;
const _errs149 = errors;
if(!(((typeof data55 == "number") && (!(data55 % 1) && !isNaN(data55))) && (isFinite(data55)))){
const err201 = {instancePath:instancePath+"/rollout/updateServices/failureBudget",schemaPath:"#/properties/rollout/properties/updateServices/properties/failureBudget/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[0].type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[0],data:data55};
if(vErrors === null){
vErrors = [err201];
}
else {
vErrors.push(err201);
}
errors++;
}
if((typeof data55 == "number") && (isFinite(data55))){
if(data55 > 100000 || isNaN(data55)){
const err202 = {instancePath:instancePath+"/rollout/updateServices/failureBudget",schemaPath:"#/properties/rollout/properties/updateServices/properties/failureBudget/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[0],data:data55};
if(vErrors === null){
vErrors = [err202];
}
else {
vErrors.push(err202);
}
errors++;
}
if(data55 < 0 || isNaN(data55)){
const err203 = {instancePath:instancePath+"/rollout/updateServices/failureBudget",schemaPath:"#/properties/rollout/properties/updateServices/properties/failureBudget/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[0],data:data55};
if(vErrors === null){
vErrors = [err203];
}
else {
vErrors.push(err203);
}
errors++;
}
}
var _valid6 = _errs149 === errors;
valid63 = valid63 || _valid6;
if(!valid63){
const _errs151 = errors;
if(typeof data55 === "string"){
if(!pattern22.test(data55)){
const err204 = {instancePath:instancePath+"/rollout/updateServices/failureBudget",schemaPath:"#/properties/rollout/properties/updateServices/properties/failureBudget/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^([1-9]?[0-9]|100)%$"},message:"must match pattern \""+"^([1-9]?[0-9]|100)%$"+"\"",schema:"^([1-9]?[0-9]|100)%$",parentSchema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[1],data:data55};
if(vErrors === null){
vErrors = [err204];
}
else {
vErrors.push(err204);
}
errors++;
}
}
else {
const err205 = {instancePath:instancePath+"/rollout/updateServices/failureBudget",schemaPath:"#/properties/rollout/properties/updateServices/properties/failureBudget/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[1].type,parentSchema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf[1],data:data55};
if(vErrors === null){
vErrors = [err205];
}
else {
vErrors.push(err205);
}
errors++;
}
var _valid6 = _errs151 === errors;
valid63 = valid63 || _valid6;
}
if(!valid63){
const err206 = {instancePath:instancePath+"/rollout/updateServices/failureBudget",schemaPath:"#/properties/rollout/properties/updateServices/properties/failureBudget/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollout.properties.updateServices.properties.failureBudget.anyOf,parentSchema:schema11.properties.rollout.properties.updateServices.properties.failureBudget,data:data55};
if(vErrors === null){
vErrors = [err206];
}
else {
vErrors.push(err206);
}
errors++;
}
else {
errors = _errs148;
if(vErrors !== null){
if(_errs148){
vErrors.length = _errs148;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err207 = {instancePath:instancePath+"/rollout/updateServices",schemaPath:"#/properties/rollout/properties/updateServices/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rollout.properties.updateServices.type,parentSchema:schema11.properties.rollout.properties.updateServices,data:data50};
if(vErrors === null){
vErrors = [err207];
}
else {
vErrors.push(err207);
}
errors++;
}
}
if(data49.updateSystem !== undefined){
let data56 = data49.updateSystem;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
for(const key12 in data56){
if(!(((key12 === "canary") || (key12 === "waves")) || (key12 === "failureBudget"))){
const err208 = {instancePath:instancePath+"/rollout/updateSystem",schemaPath:"#/properties/rollout/properties/updateSystem/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rollout.properties.updateSystem,data:data56};
if(vErrors === null){
vErrors = [err208];
}
else {
vErrors.push(err208);
}
errors++;
}
}
if(data56.canary !== undefined){
let data57 = data56.canary;
const _errs157 = errors;
let valid65 = false;
const _errs158 = errors;
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
const err209 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[0].type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[0],data:data57};
if(vErrors === null){
vErrors = [err209];
}
else {
vErrors.push(err209);
}
errors++;
}
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 > 100000 || isNaN(data57)){
const err210 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[0],data:data57};
if(vErrors === null){
vErrors = [err210];
}
else {
vErrors.push(err210);
}
errors++;
}
if(data57 < 1 || isNaN(data57)){
const err211 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[0],data:data57};
if(vErrors === null){
vErrors = [err211];
}
else {
vErrors.push(err211);
}
errors++;
}
}
var _valid7 = _errs158 === errors;
valid65 = valid65 || _valid7;
if(!valid65){
const _errs160 = errors;
if(Array.isArray(data57)){
if(data57.length > 1000){
const err212 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err212];
}
else {
vErrors.push(err212);
}
errors++;
}
if(data57.length < 1){
const err213 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err213];
}
else {
vErrors.push(err213);
}
errors++;
}
const len16 = data57.length;
for(let i29=0; i29<len16; i29++){
let data58 = data57[i29];
if(typeof data58 === "string"){
if(data58.length > 253){
const err214 = {instancePath:instancePath+"/rollout/updateSystem/canary/" + i29,schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/items/maxLength",keyword:"maxLength",params:{limit: 253},message:"must NOT have more than 253 characters",schema:253,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1].items,data:data58};
if(vErrors === null){
vErrors = [err214];
}
else {
vErrors.push(err214);
}
errors++;
}
if(data58.length < 1){
const err215 = {instancePath:instancePath+"/rollout/updateSystem/canary/" + i29,schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1].items,data:data58};
if(vErrors === null){
vErrors = [err215];
}
else {
vErrors.push(err215);
}
errors++;
}
if(!pattern20.test(data58)){
const err216 = {instancePath:instancePath+"/rollout/updateSystem/canary/" + i29,schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$",parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1].items,data:data58};
if(vErrors === null){
vErrors = [err216];
}
else {
vErrors.push(err216);
}
errors++;
}
}
else {
const err217 = {instancePath:instancePath+"/rollout/updateSystem/canary/" + i29,schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1].items.type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1].items,data:data58};
if(vErrors === null){
vErrors = [err217];
}
else {
vErrors.push(err217);
}
errors++;
}
}
let i30 = data57.length;
let j13;
if(i30 > 1){
const indices13 = {};
for(;i30--;){
let item13 = data57[i30];
if(typeof item13 !== "string"){
continue;
}
if(typeof indices13[item13] == "number"){
j13 = indices13[item13];
const err218 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i30, j: j13},message:"must NOT have duplicate items (items ## "+j13+" and "+i30+" are identical)",schema:true,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err218];
}
else {
vErrors.push(err218);
}
errors++;
break;
}
indices13[item13] = i30;
}
}
}
else {
const err219 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1].type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf[1],data:data57};
if(vErrors === null){
vErrors = [err219];
}
else {
vErrors.push(err219);
}
errors++;
}
var _valid7 = _errs160 === errors;
valid65 = valid65 || _valid7;
}
if(!valid65){
const err220 = {instancePath:instancePath+"/rollout/updateSystem/canary",schemaPath:"#/properties/rollout/properties/updateSystem/properties/canary/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollout.properties.updateSystem.properties.canary.anyOf,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.canary,data:data57};
if(vErrors === null){
vErrors = [err220];
}
else {
vErrors.push(err220);
}
errors++;
}
else {
errors = _errs157;
if(vErrors !== null){
if(_errs157){
vErrors.length = _errs157;
}
else {
vErrors = null;
}
}
}
}
if(data56.waves !== undefined){
let data59 = data56.waves;
if(Array.isArray(data59)){
if(data59.length > 100){
const err221 = {instancePath:instancePath+"/rollout/updateSystem/waves",schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items",schema:100,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves,data:data59};
if(vErrors === null){
vErrors = [err221];
}
else {
vErrors.push(err221);
}
errors++;
}
const len17 = data59.length;
for(let i31=0; i31<len17; i31++){
let data60 = data59[i31];
const _errs167 = errors;
let valid71 = false;
const _errs168 = errors;
if(!(((typeof data60 == "number") && (!(data60 % 1) && !isNaN(data60))) && (isFinite(data60)))){
const err222 = {instancePath:instancePath+"/rollout/updateSystem/waves/" + i31,schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/items/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[0].type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[0],data:data60};
if(vErrors === null){
vErrors = [err222];
}
else {
vErrors.push(err222);
}
errors++;
}
if((typeof data60 == "number") && (isFinite(data60))){
if(data60 > 100000 || isNaN(data60)){
const err223 = {instancePath:instancePath+"/rollout/updateSystem/waves/" + i31,schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/items/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[0],data:data60};
if(vErrors === null){
vErrors = [err223];
}
else {
vErrors.push(err223);
}
errors++;
}
if(data60 < 1 || isNaN(data60)){
const err224 = {instancePath:instancePath+"/rollout/updateSystem/waves/" + i31,schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/items/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[0],data:data60};
if(vErrors === null){
vErrors = [err224];
}
else {
vErrors.push(err224);
}
errors++;
}
}
var _valid8 = _errs168 === errors;
valid71 = valid71 || _valid8;
if(!valid71){
const _errs170 = errors;
if(typeof data60 === "string"){
if(!pattern21.test(data60)){
const err225 = {instancePath:instancePath+"/rollout/updateSystem/waves/" + i31,schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/items/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^([1-9][0-9]?|100)%$"},message:"must match pattern \""+"^([1-9][0-9]?|100)%$"+"\"",schema:"^([1-9][0-9]?|100)%$",parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err225];
}
else {
vErrors.push(err225);
}
errors++;
}
}
else {
const err226 = {instancePath:instancePath+"/rollout/updateSystem/waves/" + i31,schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/items/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[1].type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf[1],data:data60};
if(vErrors === null){
vErrors = [err226];
}
else {
vErrors.push(err226);
}
errors++;
}
var _valid8 = _errs170 === errors;
valid71 = valid71 || _valid8;
}
if(!valid71){
const err227 = {instancePath:instancePath+"/rollout/updateSystem/waves/" + i31,schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollout.properties.updateSystem.properties.waves.items.anyOf,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves.items,data:data60};
if(vErrors === null){
vErrors = [err227];
}
else {
vErrors.push(err227);
}
errors++;
}
else {
errors = _errs167;
if(vErrors !== null){
if(_errs167){
vErrors.length = _errs167;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err228 = {instancePath:instancePath+"/rollout/updateSystem/waves",schemaPath:"#/properties/rollout/properties/updateSystem/properties/waves/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rollout.properties.updateSystem.properties.waves.type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.waves,data:data59};
if(vErrors === null){
vErrors = [err228];
}
else {
vErrors.push(err228);
}
errors++;
}
}
if(data56.failureBudget !== undefined){
let data61 = data56.failureBudget;
const _errs173 = errors;
let valid72 = false;
const _errs174 = errors;
if(!(((typeof data61 == "number") && (!(data61 % 1) && !isNaN(data61))) && (isFinite(data61)))){
const err229 = {instancePath:instancePath+"/rollout/updateSystem/failureBudget",schemaPath:"#/properties/rollout/properties/updateSystem/properties/failureBudget/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[0].type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[0],data:data61};
if(vErrors === null){
vErrors = [err229];
}
else {
vErrors.push(err229);
}
errors++;
}
if((typeof data61 == "number") && (isFinite(data61))){
if(data61 > 100000 || isNaN(data61)){
const err230 = {instancePath:instancePath+"/rollout/updateSystem/failureBudget",schemaPath:"#/properties/rollout/properties/updateSystem/properties/failureBudget/anyOf/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100000},message:"must be <= 100000",schema:100000,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[0],data:data61};
if(vErrors === null){
vErrors = [err230];
}
else {
vErrors.push(err230);
}
errors++;
}
if(data61 < 0 || isNaN(data61)){
const err231 = {instancePath:instancePath+"/rollout/updateSystem/failureBudget",schemaPath:"#/properties/rollout/properties/updateSystem/properties/failureBudget/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[0],data:data61};
if(vErrors === null){
vErrors = [err231];
}
else {
vErrors.push(err231);
}
errors++;
}
}
var _valid9 = _errs174 === errors;
valid72 = valid72 || _valid9;
if(!valid72){
const _errs176 = errors;
if(typeof data61 === "string"){
if(!pattern22.test(data61)){
const err232 = {instancePath:instancePath+"/rollout/updateSystem/failureBudget",schemaPath:"#/properties/rollout/properties/updateSystem/properties/failureBudget/anyOf/1/pattern",keyword:"pattern",params:{pattern: "^([1-9]?[0-9]|100)%$"},message:"must match pattern \""+"^([1-9]?[0-9]|100)%$"+"\"",schema:"^([1-9]?[0-9]|100)%$",parentSchema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[1],data:data61};
if(vErrors === null){
vErrors = [err232];
}
else {
vErrors.push(err232);
}
errors++;
}
}
else {
const err233 = {instancePath:instancePath+"/rollout/updateSystem/failureBudget",schemaPath:"#/properties/rollout/properties/updateSystem/properties/failureBudget/anyOf/1/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[1].type,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf[1],data:data61};
if(vErrors === null){
vErrors = [err233];
}
else {
vErrors.push(err233);
}
errors++;
}
var _valid9 = _errs176 === errors;
valid72 = valid72 || _valid9;
}
if(!valid72){
const err234 = {instancePath:instancePath+"/rollout/updateSystem/failureBudget",schemaPath:"#/properties/rollout/properties/updateSystem/properties/failureBudget/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget.anyOf,parentSchema:schema11.properties.rollout.properties.updateSystem.properties.failureBudget,data:data61};
if(vErrors === null){
vErrors = [err234];
}
else {
vErrors.push(err234);
}
errors++;
}
else {
errors = _errs173;
if(vErrors !== null){
if(_errs173){
vErrors.length = _errs173;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err235 = {instancePath:instancePath+"/rollout/updateSystem",schemaPath:"#/properties/rollout/properties/updateSystem/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rollout.properties.updateSystem.type,parentSchema:schema11.properties.rollout.properties.updateSystem,data:data56};
if(vErrors === null){
vErrors = [err235];
}
else {
vErrors.push(err235);
}
errors++;
}
}
}
else {
const err236 = {instancePath:instancePath+"/rollout",schemaPath:"#/properties/rollout/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rollout.type,parentSchema:schema11.properties.rollout,data:data49};
if(vErrors === null){
vErrors = [err236];
}
else {
vErrors.push(err236);
}
errors++;
}
}
}
else {
const err237 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err237];
}
else {
vErrors.push(err237);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

