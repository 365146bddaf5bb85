// Generated from templates/readme/*.hbs by scripts/readme-templates.ts: do not edit.
export default {
  "edpm_update_services-steps.md.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "   | "
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"serviceType"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.program(2, data, 0),"data":data,"loc":{"start":{"line":9,"column":5},"end":{"line":9,"column":71}}})) != null ? stack1 : "")
    + " | "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(depth0,"role"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":9,"column":74},"end":{"line":9,"column":87}}})) != null ? stack1 : "")
    + " | "
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"taskFiles"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":9,"column":90},"end":{"line":9,"column":187}}})) != null ? stack1 : "")
    + " |\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"code").call(depth0 != null ? depth0 : (container.nullContext || {}),lookupProperty(depth0,"serviceType"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":9,"column":24},"end":{"line":9,"column":44}}})) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    return "(every node)";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"unless").call(alias1,lookupProperty(data,"first"),{"name":"unless","hash":{},"fn":container.program(4, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":9,"column":109},"end":{"line":9,"column":140}}})) != null ? stack1 : "")
    + ((stack1 = (((helper = lookupProperty(helpers,"file") || container.strict(depth0, "file", {"start":{"line":9,"column":142},"end":{"line":9,"column":146}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"file","hash":{},"data":data,"loc":{"start":{"line":9,"column":140},"end":{"line":9,"column":148}}}) : helper))) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"become"),{"name":"if","hash":{},"fn":container.program(5, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":9,"column":148},"end":{"line":9,"column":178}}})) != null ? stack1 : "");
},"4":function(container,depth0,helpers,partials,data) {
    return ", ";
},"5":function(container,depth0,helpers,partials,data) {
    return " (become)";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "5. **Prunes unused container "
    + ((stack1 = (((helper = lookupProperty(helpers,"pruned") || container.strict(depth0, "pruned", {"start":{"line":13,"column":31},"end":{"line":13,"column":37}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"pruned","hash":{},"data":data,"loc":{"start":{"line":13,"column":29},"end":{"line":13,"column":39}}}) : helper))) != null ? stack1 : "")
    + "**: with `containers.podman.podman_prune`, including images that are not dangling.\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = container.invokePartial(lookupProperty(partials,"gather-facts-step"),depth0,{"name":"gather-facts-step","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "2. **Checks, before any change, that no essential package is excluded**: fails naming "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"includePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":2,"column":86},"end":{"line":2,"column":115}}})) != null ? stack1 : "")
    + ", "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"excludePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":2,"column":117},"end":{"line":2,"column":146}}})) != null ? stack1 : "")
    + " and the package when a package of the first is excluded by the second or always excluded (dnf would refuse it after the registry login had run). Package-mode hosts only.\n3. **Updates the essential packages**: "
    + ((stack1 = lookupProperty(helpers,"codeList").call(alias1,lookupProperty(depth0,"essentialPackages"),{"name":"codeList","hash":{},"data":data,"loc":{"start":{"line":3,"column":39},"end":{"line":3,"column":69}}})) != null ? stack1 : "")
    + " by default ("
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"includePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":3,"column":82},"end":{"line":3,"column":111}}})) != null ? stack1 : "")
    + "): brings the installed ones to their latest version with dnf (`update_only`), then installs the ones that step found missing (a second dnf run, only then), always excluding "
    + ((stack1 = lookupProperty(helpers,"codeList").call(alias1,lookupProperty(depth0,"alwaysExcludedPackages"),{"name":"codeList","hash":{},"data":data,"loc":{"start":{"line":3,"column":285},"end":{"line":3,"column":320}}})) != null ? stack1 : "")
    + " and the packages in "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"excludePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":3,"column":341},"end":{"line":3,"column":370}}})) != null ? stack1 : "")
    + ". Skipped when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enablePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":3,"column":385},"end":{"line":3,"column":413}}})) != null ? stack1 : "")
    + " is false, and on image-mode (bootc) hosts (`ansible_local.bootc` true), whose packages come with their OS image.\n4. **Updates the containers of the running services**: in this order; a step runs only when its service type is in "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"runningServices"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":115},"end":{"line":4,"column":144}}})) != null ? stack1 : "")
    + " (default: "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(depth0,"serviceTypesVariable"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":155},"end":{"line":4,"column":184}}})) != null ? stack1 : "")
    + "; when neither is set, the role fails at its argument validation, before any change, naming "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(depth0,"serviceTypesVariable"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":276},"end":{"line":4,"column":305}}})) != null ? stack1 : "")
    + "). Each include carries the role's own tag. Task files marked (become) are included with `become: true`; the others run as their own tasks say (a task without `become` runs as the connecting user). Skipped when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enableContainers"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":516},"end":{"line":4,"column":546}}})) != null ? stack1 : "")
    + " is false.\n\n   | Service type | Role | Task files |\n   | --- | --- | --- |\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(depth0,"steps"),{"name":"each","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":8,"column":0},"end":{"line":10,"column":9}}})) != null ? stack1 : "")
    + "\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(depth0,"pruned"),{"name":"if","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":12,"column":0},"end":{"line":14,"column":7}}})) != null ? stack1 : "");
},"usePartial":true,"useData":true},
  "edpm_update_system-steps.md.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "3. **Updates Open vSwitch first**: with the tasks of "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"ovs"),"role"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":53},"end":{"line":4,"column":70}}})) != null ? stack1 : "")
    + " "
    + ((stack1 = lookupProperty(helpers,"each").call(alias1,lookupProperty(lookupProperty(depth0,"ovs"),"taskFiles"),{"name":"each","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":4,"column":71},"end":{"line":4,"column":139}}})) != null ? stack1 : "")
    + ". Skipped when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enablePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":154},"end":{"line":4,"column":182}}})) != null ? stack1 : "")
    + " is false.\n";
},"1":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(data,"index"),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":4,"column":94},"end":{"line":4,"column":117}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,depth0,{"name":"code","hash":{},"data":data,"loc":{"start":{"line":4,"column":117},"end":{"line":4,"column":130}}})) != null ? stack1 : "");
},"2":function(container,depth0,helpers,partials,data) {
    return ", ";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, alias1=depth0 != null ? depth0 : (container.nullContext || {}), alias2=container.strict, alias3=container.lambda, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "3. **Updates Open vSwitch first**: when one of those packages has a pending update, in the same command as the query of step 2 (one round trip for both; that task carries the update's tags, and when the tags leave the update out, as `--tags edpm_update_system_packages` does, the check and the query of step 2 run alone), and never in check mode: downloads their updates into the dnf cache (retries "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"ovsRoleRetries"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":399},"end":{"line":6,"column":431}}})) != null ? stack1 : "")
    + ", else "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"downloadRetries"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":438},"end":{"line":6,"column":471}}})) != null ? stack1 : "")
    + ", else "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"ovs"), "downloadRetries", {"start":{"line":6,"column":480},"end":{"line":6,"column":499}} ), depth0)) != null ? stack1 : "")
    + "; delay "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"ovsRoleDelay"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":509},"end":{"line":6,"column":539}}})) != null ? stack1 : "")
    + ", else "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"downloadDelay"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":546},"end":{"line":6,"column":577}}})) != null ? stack1 : "")
    + ", else "
    + ((stack1 = alias3(alias2(lookupProperty(depth0,"ovs"), "downloadDelay", {"start":{"line":6,"column":586},"end":{"line":6,"column":603}} ), depth0)) != null ? stack1 : "")
    + " s), then installs them from the cache with `dnf update -y --cacheonly --setopt=tsflags=noscripts`, so that their RPM scriptlets cannot stop or disable the service: a new build within a stream updates the stream package and its subpackages, a new wrapper brings its new stream, which replaces the old stream's packages; then enables the "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"ovs"),"serviceName"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":942},"end":{"line":6,"column":966}}})) != null ? stack1 : "")
    + " service again (a change of stream leaves it disabled). In check mode, where that command only queries, the dnf module shows what the update would bring. Then it reloads the service (`daemon_reload`, `state: reloaded`, `masked: false`, as `edpm_ovs` does; never a restart) when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"ovsRoleReload"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":1244},"end":{"line":6,"column":1275}}})) != null ? stack1 : "")
    + ", else "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"reload"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":1282},"end":{"line":6,"column":1306}}})) != null ? stack1 : "")
    + ", is true. Skipped when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enablePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":6,"column":1330},"end":{"line":6,"column":1358}}})) != null ? stack1 : "")
    + " is false.\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=depth0 != null ? depth0 : (container.nullContext || {}), lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return ((stack1 = container.invokePartial(lookupProperty(partials,"gather-facts-step"),depth0,{"name":"gather-facts-step","data":data,"helpers":helpers,"partials":partials,"decorators":container.decorators})) != null ? stack1 : "")
    + "2. **Finds the Open vSwitch packages**: checks the list in "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"ovsRolePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":2,"column":59},"end":{"line":2,"column":92}}})) != null ? stack1 : "")
    + ", else "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(lookupProperty(depth0,"ovs"),"vars"),"packages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":2,"column":99},"end":{"line":2,"column":125}}})) != null ? stack1 : "")
    + " ("
    + ((stack1 = lookupProperty(helpers,"codeList").call(alias1,lookupProperty(lookupProperty(depth0,"ovs"),"packages"),{"name":"codeList","hash":{},"data":data,"loc":{"start":{"line":2,"column":127},"end":{"line":2,"column":152}}})) != null ? stack1 : "")
    + "), and stops the role before any change when it is empty, has a dnf glob or a package whose name does not contain `openvswitch` (they are updated without their RPM scriptlets); then asks rpm, without changing anything, for the installed packages built from the same source as those that provide a listed name (a wrapper such as `rdo-openvswitch`, or a plain `openvswitch`) or own "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"ovs"),"unitPath"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":2,"column":532},"end":{"line":2,"column":553}}})) != null ? stack1 : "")
    + " (the stream package, such as `openvswitch3.3`): that is, with their subpackages (`python3-openvswitch3.3`, pinned to the exact version of their stream); in the same query, refreshes the dnf metadata and lists the installed packages with a pending update (`dnf check-update`, tried again as the download below is). When nothing is pending, nothing else reaches the node. Package-mode hosts only; skipped when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enablePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":2,"column":962},"end":{"line":2,"column":990}}})) != null ? stack1 : "")
    + " is false.\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias1,lookupProperty(lookupProperty(depth0,"ovs"),"role"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.program(3, data, 0),"data":data,"loc":{"start":{"line":3,"column":0},"end":{"line":7,"column":7}}})) != null ? stack1 : "")
    + "4. **Installs kpatch**: when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enableKpatch"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":8,"column":29},"end":{"line":8,"column":55}}})) != null ? stack1 : "")
    + " is true (default "
    + ((stack1 = (((helper = lookupProperty(helpers,"kpatchEnabled") || container.strict(depth0, "kpatchEnabled", {"start":{"line":8,"column":75},"end":{"line":8,"column":88}} ))),(typeof helper === "function" ? helper.call(alias1,{"name":"kpatchEnabled","hash":{},"data":data,"loc":{"start":{"line":8,"column":73},"end":{"line":8,"column":90}}}) : helper))) != null ? stack1 : "")
    + "): `kpatch`, then `kpatch-patch` for the running kernel when there is one (its absence is not an error; the kernel's version comes from step 1, which then also gathers the `platform` subset, keeping `ansible_kernel`, or, when step 1 was skipped, from a `platform` gathering of its own), each installed when missing and brought to its latest version; the kernel packages "
    + ((stack1 = lookupProperty(helpers,"codeList").call(alias1,lookupProperty(depth0,"kernelPackages"),{"name":"codeList","hash":{},"data":data,"loc":{"start":{"line":8,"column":460},"end":{"line":8,"column":487}}})) != null ? stack1 : "")
    + " are then held back from the next step.\n5. **Updates every other package**: "
    + ((stack1 = lookupProperty(helpers,"codeList").call(alias1,lookupProperty(depth0,"includePackages"),{"name":"codeList","hash":{},"data":data,"loc":{"start":{"line":9,"column":36},"end":{"line":9,"column":64}}})) != null ? stack1 : "")
    + " by default ("
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"includePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":9,"column":77},"end":{"line":9,"column":106}}})) != null ? stack1 : "")
    + "), to their latest version, always excluding "
    + ((stack1 = lookupProperty(helpers,"codeList").call(alias1,lookupProperty(depth0,"alwaysExcludedPackages"),{"name":"codeList","hash":{},"data":data,"loc":{"start":{"line":9,"column":151},"end":{"line":9,"column":186}}})) != null ? stack1 : "")
    + ", the Open vSwitch packages found in step 2 (all of them, `*openvswitch*`, when that step was skipped by tags) and the packages in "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"excludePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":9,"column":317},"end":{"line":9,"column":346}}})) != null ? stack1 : "")
    + ": it neither touches Open vSwitch nor fails to resolve a pinned subpackage. New kernels are installed beside the running one. Runs only when step 2 saw a pending update of a package it does not exclude (always when step 2 was skipped by tags). Skipped when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"enablePackages"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":9,"column":603},"end":{"line":9,"column":631}}})) != null ? stack1 : "")
    + " is false.\n6. **On bootc hosts instead**: when `ansible_local.bootc` is true, fails when "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(lookupProperty(depth0,"vars"),"bootcImage"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":10,"column":78},"end":{"line":10,"column":102}}})) != null ? stack1 : "")
    + " is empty; runs `bootc switch <image>` when the host follows another image, else `bootc upgrade`; reports `changed` when a new deployment was staged (the staged deployment of `bootc status` differs from before), and when a deployment is staged, creates "
    + ((stack1 = lookupProperty(helpers,"code").call(alias1,lookupProperty(depth0,"rebootRequiredFile"),{"name":"code","hash":{},"data":data,"loc":{"start":{"line":10,"column":355},"end":{"line":10,"column":382}}})) != null ? stack1 : "")
    + " to say that a reboot is required.\n";
},"usePartial":true,"useData":true},
  "gather-facts-step.md.hbs": {"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    return "1. **Gathers local facts**: only the local ones and the package manager (`gather_subset: ['!all', '!min', 'local', 'pkg_mgr']`, keeping `ansible_local` and `ansible_pkg_mgr`), when `ansible_local` is undefined: the `dnf` tasks below then know their backend without asking the node again. Tagged `always` besides the role's tags: a selection of one step (`--tags` a step tag) still learns whether the host is an image-mode (bootc) host, and `--skip-tags` of a step does not skip it.\n";
},"useData":true},
  "role-readme.md.hbs": {"0":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=container.lambda, alias3=depth0 != null ? depth0 : (container.nullContext || {}), alias4="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "## Rolling out\n\nThe playbook runs the nodes in batches (`serial`), by default\n`"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "serial", {"start":{"line":24,"column":3},"end":{"line":24,"column":17}} ), depth0)) != null ? stack1 : "")
    + "`: the canary, then each wave, then every node left\n(`\"100%\"`). Extra variables override them for one run:\n`"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "serialVariable", {"start":{"line":26,"column":3},"end":{"line":26,"column":25}} ), depth0)) != null ? stack1 : "")
    + "` (a `serial` value) and\n`"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "maxFailVariable", {"start":{"line":27,"column":3},"end":{"line":27,"column":26}} ), depth0)) != null ? stack1 : "")
    + "` (a `max_fail_percentage`). They are play\nkeywords, which Ansible templates before it picks any host, so they are\nread from extra variables (`-e`, or a deployment's `ansibleExtraVars`), not\nfrom the inventory.\n\nFailure budget: "
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "budget", {"start":{"line":32,"column":18},"end":{"line":32,"column":32}} ), depth0)) != null ? stack1 : "")
    + ". Ansible applies `max_fail_percentage`\nto each batch on its own: after every task, when the hosts that failed in\nthe current batch, divided by the size of that batch, exceed the\npercentage, it stops the play: the other hosts of the batch stop where they\nare and no later batch starts. `0` stops at the first failure. Failures of\nearlier batches do not count against later ones, and failed hosts are not\nretried. Unreachable hosts do not count toward the percentage, but a batch\nwhose every host failed or was unreachable also stops the play.\n`any_errors_fatal` is `false` here, written as is: it would stop at the\nfirst failure whatever the budget, and ansible-core takes a templated\n`any_errors_fatal` (such as `edpm_any_errors_fatal`) as true whatever its\nvalue (ansible/ansible#61025), so this play does not read\n`edpm_any_errors_fatal`. To stop at the first failure, set\n`"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "maxFailVariable", {"start":{"line":45,"column":3},"end":{"line":45,"column":26}} ), depth0)) != null ? stack1 : "")
    + "` to `0`.\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(lookupProperty(depth0,"rollout"),"budgetInNodes"),{"name":"if","hash":{},"fn":container.program(1, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":46,"column":0},"end":{"line":53,"column":7}}})) != null ? stack1 : "")
    + ((stack1 = lookupProperty(helpers,"if").call(alias3,lookupProperty(lookupProperty(depth0,"rollout"),"namedCanary"),{"name":"if","hash":{},"fn":container.program(2, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":54,"column":0},"end":{"line":59,"column":7}}})) != null ? stack1 : "")
    + "\nThe combined playbook `"
    + ((stack1 = (((helper = lookupProperty(helpers,"collection") || alias1(depth0, "collection", {"start":{"line":61,"column":25},"end":{"line":61,"column":35}} ))),(typeof helper === alias4 ? helper.call(alias3,{"name":"collection","hash":{},"data":data,"loc":{"start":{"line":61,"column":23},"end":{"line":61,"column":37}}}) : helper))) != null ? stack1 : "")
    + ".update` (the `update` service: both\nphases, system packages first) runs each phase in its own play when the\nplan rolls one out: this role's play there has the same batches, budget and\nvariables as `"
    + ((stack1 = (((helper = lookupProperty(helpers,"collection") || alias1(depth0, "collection", {"start":{"line":64,"column":16},"end":{"line":64,"column":26}} ))),(typeof helper === alias4 ? helper.call(alias3,{"name":"collection","hash":{},"data":data,"loc":{"start":{"line":64,"column":14},"end":{"line":64,"column":28}}}) : helper))) != null ? stack1 : "")
    + "."
    + ((stack1 = (((helper = lookupProperty(helpers,"playbook") || alias1(depth0, "playbook", {"start":{"line":64,"column":31},"end":{"line":64,"column":39}} ))),(typeof helper === alias4 ? helper.call(alias3,{"name":"playbook","hash":{},"data":data,"loc":{"start":{"line":64,"column":29},"end":{"line":64,"column":41}}}) : helper))) != null ? stack1 : "")
    + "`.\n\nProgress: with `"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "rolloutIdVariable", {"start":{"line":66,"column":18},"end":{"line":66,"column":43}} ), depth0)) != null ? stack1 : "")
    + "` set (default:\n`edpm_rollout_id`, which the rollout and resume deployments pass), the\nrole's last step writes `/etc/ansible/facts.d/"
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "fact", {"start":{"line":68,"column":48},"end":{"line":68,"column":60}} ), depth0)) != null ? stack1 : "")
    + ".fact` on the\nnode (JSON: `phase`, `rollout_id`, `plan`, the plan's identity, and\n`completed_at`, UTC), read back as `ansible_local."
    + ((stack1 = alias2(alias1(lookupProperty(depth0,"rollout"), "fact", {"start":{"line":70,"column":52},"end":{"line":70,"column":64}} ), depth0)) != null ? stack1 : "")
    + "`; its\nfirst step after gathering facts ends the play for a node whose recorded\n`rollout_id` is the same, printing which node, when and under which plan.\nA run without a rollout id, or with another one, ignores the record: the\nnext minor update, under a new id, skips no node. To finish a stopped\nrollout, run again with the same id on the nodes left: `edpm-rolegen\nresume` writes that deployment from the operator's status.\n\n";
},"1":function(container,depth0,helpers,partials,data) {
    return "One percentage serves every batch, so a budget in nodes becomes the\npercentage that allows that many failures in the largest batch of the run\n(computed from the number of hosts of the play): smaller batches allow\nproportionally fewer. The canary batch gets the same percentage.\n`edpm-rolegen rollout` writes one deployment per wave, each with the exact\npercentage of its own wave, and 0 for the canary.\n";
},"2":function(container,depth0,helpers,partials,data) {
    var stack1, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "The plan names the canary nodes ("
    + ((stack1 = container.lambda(container.strict(lookupProperty(depth0,"rollout"), "namedCanary", {"start":{"line":55,"column":35},"end":{"line":55,"column":54}} ), depth0)) != null ? stack1 : "")
    + "): in a single run\nof the playbook the first batch is the first hosts of the play in inventory\norder; `edpm-rolegen rollout` puts exactly the named nodes in the canary\ndeployment.\n";
},"3":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "| `"
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":84,"column":5},"end":{"line":84,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":84,"column":3},"end":{"line":84,"column":11}}}) : helper))) != null ? stack1 : "")
    + "` | "
    + ((stack1 = (((helper = lookupProperty(helpers,"type") || alias1(depth0, "type", {"start":{"line":84,"column":17},"end":{"line":84,"column":21}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"type","hash":{},"data":data,"loc":{"start":{"line":84,"column":15},"end":{"line":84,"column":23}}}) : helper))) != null ? stack1 : "")
    + " | "
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"hasDefault"),{"name":"if","hash":{},"fn":container.program(4, data, 0),"inverse":container.program(5, data, 0),"data":data,"loc":{"start":{"line":84,"column":26},"end":{"line":84,"column":83}}})) != null ? stack1 : "")
    + " | "
    + ((stack1 = (((helper = lookupProperty(helpers,"description") || alias1(depth0, "description", {"start":{"line":84,"column":88},"end":{"line":84,"column":99}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"description","hash":{},"data":data,"loc":{"start":{"line":84,"column":86},"end":{"line":84,"column":101}}}) : helper))) != null ? stack1 : "")
    + " |\n";
},"4":function(container,depth0,helpers,partials,data) {
    var stack1, helper, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "`"
    + ((stack1 = (((helper = lookupProperty(helpers,"defaultText") || container.strict(depth0, "defaultText", {"start":{"line":84,"column":47},"end":{"line":84,"column":58}} ))),(typeof helper === "function" ? helper.call(depth0 != null ? depth0 : (container.nullContext || {}),{"name":"defaultText","hash":{},"data":data,"loc":{"start":{"line":84,"column":45},"end":{"line":84,"column":60}}}) : helper))) != null ? stack1 : "")
    + "`";
},"5":function(container,depth0,helpers,partials,data) {
    return "(unset)";
},"6":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "| `"
    + ((stack1 = (((helper = lookupProperty(helpers,"name") || alias1(depth0, "name", {"start":{"line":95,"column":5},"end":{"line":95,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"name","hash":{},"data":data,"loc":{"start":{"line":95,"column":3},"end":{"line":95,"column":11}}}) : helper))) != null ? stack1 : "")
    + "` | "
    + ((stack1 = (((helper = lookupProperty(helpers,"selects") || alias1(depth0, "selects", {"start":{"line":95,"column":17},"end":{"line":95,"column":24}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"selects","hash":{},"data":data,"loc":{"start":{"line":95,"column":15},"end":{"line":95,"column":26}}}) : helper))) != null ? stack1 : "")
    + " |\n";
},"compiler":[8,">= 4.3.0"],"main":function(container,depth0,helpers,partials,data) {
    var stack1, helper, alias1=container.strict, alias2=depth0 != null ? depth0 : (container.nullContext || {}), alias3="function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return undefined
    };

  return "\u003C!-- Generated by edpm-rolegen from the update plan: edit the plan and rebuild, do not edit this file. -->\n# "
    + ((stack1 = (((helper = lookupProperty(helpers,"role") || alias1(depth0, "role", {"start":{"line":2,"column":4},"end":{"line":2,"column":8}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"role","hash":{},"data":data,"loc":{"start":{"line":2,"column":2},"end":{"line":2,"column":10}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"summary") || alias1(depth0, "summary", {"start":{"line":4,"column":2},"end":{"line":4,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"summary","hash":{},"data":data,"loc":{"start":{"line":4,"column":0},"end":{"line":4,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n\nIt is phase "
    + ((stack1 = (((helper = lookupProperty(helpers,"phaseNumber") || alias1(depth0, "phaseNumber", {"start":{"line":6,"column":14},"end":{"line":6,"column":25}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"phaseNumber","hash":{},"data":data,"loc":{"start":{"line":6,"column":12},"end":{"line":6,"column":27}}}) : helper))) != null ? stack1 : "")
    + " of the EDPM minor update. The dataplane operator runs it\nthrough the playbook `"
    + ((stack1 = (((helper = lookupProperty(helpers,"collection") || alias1(depth0, "collection", {"start":{"line":7,"column":24},"end":{"line":7,"column":34}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"collection","hash":{},"data":data,"loc":{"start":{"line":7,"column":22},"end":{"line":7,"column":36}}}) : helper))) != null ? stack1 : "")
    + "."
    + ((stack1 = (((helper = lookupProperty(helpers,"playbook") || alias1(depth0, "playbook", {"start":{"line":7,"column":39},"end":{"line":7,"column":47}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"playbook","hash":{},"data":data,"loc":{"start":{"line":7,"column":37},"end":{"line":7,"column":49}}}) : helper))) != null ? stack1 : "")
    + "`, named by the\n`OpenStackDataPlaneService` whose `edpmServiceType` is `"
    + ((stack1 = (((helper = lookupProperty(helpers,"serviceType") || alias1(depth0, "serviceType", {"start":{"line":8,"column":58},"end":{"line":8,"column":69}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"serviceType","hash":{},"data":data,"loc":{"start":{"line":8,"column":56},"end":{"line":8,"column":71}}}) : helper))) != null ? stack1 : "")
    + "`.\n\n## What it does\n\nIn order (a step under a service type runs only when that service type runs on the node):\n\n```mermaid\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"diagram") || alias1(depth0, "diagram", {"start":{"line":15,"column":2},"end":{"line":15,"column":9}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"diagram","hash":{},"data":data,"loc":{"start":{"line":15,"column":0},"end":{"line":15,"column":11}}}) : helper))) != null ? stack1 : "")
    + "\n```\n\n"
    + ((stack1 = (((helper = lookupProperty(helpers,"steps") || alias1(depth0, "steps", {"start":{"line":18,"column":2},"end":{"line":18,"column":7}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"steps","hash":{},"data":data,"loc":{"start":{"line":18,"column":0},"end":{"line":18,"column":9}}}) : helper))) != null ? stack1 : "")
    + "\n\n"
    + ((stack1 = lookupProperty(helpers,"if").call(alias2,lookupProperty(depth0,"rollout"),{"name":"if","hash":{},"fn":container.program(0, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":20,"column":0},"end":{"line":78,"column":7}}})) != null ? stack1 : "")
    + "## Variables\n\n| Variable | Type | Default | Description |\n| --- | --- | --- | --- |\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"variables"),{"name":"each","hash":{},"fn":container.program(3, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":83,"column":0},"end":{"line":85,"column":9}}})) != null ? stack1 : "")
    + "\nThe same contract is in `meta/argument_specs.yml`, which Ansible enforces when\nthe role starts.\n\n## Tags\n\n| Tag | Selects |\n| --- | --- |\n"
    + ((stack1 = lookupProperty(helpers,"each").call(alias2,lookupProperty(depth0,"tags"),{"name":"each","hash":{},"fn":container.program(6, data, 0),"inverse":container.noop,"data":data,"loc":{"start":{"line":94,"column":0},"end":{"line":96,"column":9}}})) != null ? stack1 : "")
    + "\n## Example\n\n```yaml\n- name: "
    + ((stack1 = (((helper = lookupProperty(helpers,"exampleTitle") || alias1(depth0, "exampleTitle", {"start":{"line":101,"column":10},"end":{"line":101,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"exampleTitle","hash":{},"data":data,"loc":{"start":{"line":101,"column":8},"end":{"line":101,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\n  hosts: all\n  tasks:\n    - name: Run "
    + ((stack1 = (((helper = lookupProperty(helpers,"role") || alias1(depth0, "role", {"start":{"line":104,"column":18},"end":{"line":104,"column":22}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"role","hash":{},"data":data,"loc":{"start":{"line":104,"column":16},"end":{"line":104,"column":24}}}) : helper))) != null ? stack1 : "")
    + "\n      ansible.builtin.import_role:\n        name: "
    + ((stack1 = (((helper = lookupProperty(helpers,"collection") || alias1(depth0, "collection", {"start":{"line":106,"column":16},"end":{"line":106,"column":26}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"collection","hash":{},"data":data,"loc":{"start":{"line":106,"column":14},"end":{"line":106,"column":28}}}) : helper))) != null ? stack1 : "")
    + "."
    + ((stack1 = (((helper = lookupProperty(helpers,"role") || alias1(depth0, "role", {"start":{"line":106,"column":31},"end":{"line":106,"column":35}} ))),(typeof helper === alias3 ? helper.call(alias2,{"name":"role","hash":{},"data":data,"loc":{"start":{"line":106,"column":29},"end":{"line":106,"column":37}}}) : helper))) != null ? stack1 : "")
    + "\n```\n";
},"useData":true},
};
