/* lsm-metrics.c
 *
 * Copyright 2026 The lsmap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "lsm-metrics"

#include "config.h"

#include <glib/gi18n.h>

#include "lsm-term-private.h"
#include "lsm-vocab.h"

/* What a figure measures. The ids are the data's (data/README.md); the labels are what the
 * detail panel, the exports and the command line show. Sorted by id. */
static const LsmTerm metrics[] = {
  { "abrasive_powder_output", NC_("metric", "Abrasive powder output") },
  { "activity", NC_("metric", "Activity") },
  { "advanced_new_rural_communes", NC_("metric", "Communes meeting advanced new-rural standards") },
  { "agri_value_chains", NC_("metric", "Agricultural value chains") },
  { "agriculture_value_added_growth", NC_("metric", "Agriculture and forestry value-added growth") },
  { "area", NC_("metric", "Area") },
  { "auxiliary_gate_count", NC_("metric", "Auxiliary border gates") },
  { "average_income", NC_("metric", "Average income") },
  { "biomass_project_count", NC_("metric", "Biomass power projects") },
  { "brand_slogan", NC_("metric", "Brand slogan") },
  { "brick_output", NC_("metric", "Brick output") },
  { "budget_contribution", NC_("metric", "State budget contribution") },
  { "budget_revenue", NC_("metric", "Budget revenue") },
  { "business_count", NC_("metric", "Businesses operating") },
  { "capacity", NC_("metric", "Capacity") },
  { "cement_output", NC_("metric", "Cement output") },
  { "change_vs_2020", NC_("metric", "Change against 2020") },
  { "clean_coal_output", NC_("metric", "Clean coal output") },
  { "clinker_output", NC_("metric", "Clinker output") },
  { "cluster_count", NC_("metric", "Number of industrial clusters") },
  { "cluster_occupancy_rate", NC_("metric", "Occupancy rate of each cluster") },
  { "clusters_established", NC_("metric", "Industrial clusters established") },
  { "clusters_per_district", NC_("metric", "Industrial clusters per district") },
  { "collective_marks", NC_("metric", "Collective or certification marks") },
  { "commercial_electricity", NC_("metric", "Commercial electricity") },
  { "commercial_operation_since", NC_("metric", "Commercial operation since") },
  { "districts_with_investors", NC_("metric", "Districts with interested investors") },
  { "electricity_generation", NC_("metric", "Electricity generated") },
  { "ethnic_minority_share", NC_("metric", "Ethnic minority share") },
  { "export_import_turnover", NC_("metric", "Export-import turnover") },
  { "export_turnover", NC_("metric", "Export turnover") },
  { "forest_cover", NC_("metric", "Forest cover") },
  { "gate_type", NC_("metric", "Border gate type") },
  { "geographical_indications", NC_("metric", "Geographical indications") },
  { "grdp_growth", NC_("metric", "GRDP growth") },
  { "grdp_per_capita", NC_("metric", "GRDP per capita") },
  { "grid_development", NC_("metric", "Grid development") },
  { "import_turnover", NC_("metric", "Import turnover") },
  { "industrial_establishments", NC_("metric", "Industrial and handicraft establishments") },
  { "industrial_output_growth", NC_("metric", "Industrial output value growth") },
  { "industrial_output_value", NC_("metric", "Industrial output value") },
  { "industrial_production_index_growth", NC_("metric", "Industrial production index growth") },
  { "industry_construction_share_of_grdp", NC_("metric", "Industry and construction share of GRDP") },
  { "industry_share_of_grdp", NC_("metric", "Industry share of GRDP") },
  { "industry_value_added_growth", NC_("metric", "Industry value-added growth") },
  { "installed_capacity", NC_("metric", "Installed capacity") },
  { "international_gate_count", NC_("metric", "International border gates") },
  { "investment", NC_("metric", "Investment capital") },
  { "investment_attracted", NC_("metric", "Investment attracted") },
  { "local_goods_export", NC_("metric", "Exports of local goods") },
  { "locations", NC_("metric", "Locations") },
  { "main_gate_count", NC_("metric", "Main border gates") },
  { "main_products", NC_("metric", "Main products") },
  { "mean_wind_speed", NC_("metric", "Mean wind speed") },
  { "mining_licences", NC_("metric", "Valid mining licences") },
  { "model_new_rural_communes", NC_("metric", "Model new-rural communes") },
  { "natural_area", NC_("metric", "Natural area") },
  { "new_craft_products", NC_("metric", "New crafts for craft villages") },
  { "new_enterprises", NC_("metric", "New enterprises") },
  { "new_forest_planting", NC_("metric", "New forest planting") },
  { "new_investment_projects", NC_("metric", "New investment projects") },
  { "new_rural_communes", NC_("metric", "Communes meeting new-rural standards") },
  { "new_rural_districts", NC_("metric", "Districts completing the new-rural programme") },
  { "ocop_products", NC_("metric", "New OCOP products (3 stars or more)") },
  { "operating_cluster_count", NC_("metric", "Industrial clusters in operation") },
  { "performance", NC_("metric", "Production performance") },
  { "plan_shortfall", NC_("metric", "Products below plan") },
  { "planned_expressways", NC_("metric", "Planned expressways") },
  { "planning_status", NC_("metric", "Planning status") },
  { "policy", NC_("metric", "Policy") },
  { "policy_document", NC_("metric", "Policy document") },
  { "population", NC_("metric", "Population") },
  { "potential_ranking", NC_("metric", "Potential ranking") },
  { "priority_areas", NC_("metric", "Priority areas") },
  { "project_count", NC_("metric", "Number of projects") },
  { "proposal", NC_("metric", "Proposal") },
  { "proposing_businesses", NC_("metric", "Businesses proposing projects") },
  { "public_investment_disbursed", NC_("metric", "Public investment disbursed") },
  { "ratio_to_same_period", NC_("metric", "Compared with the same period last year") },
  { "registered_capital", NC_("metric", "Registered capital") },
  { "resin_output", NC_("metric", "Pine resin products output") },
  { "retail_turnover", NC_("metric", "Retail turnover") },
  { "retail_turnover_growth", NC_("metric", "Retail turnover growth") },
  { "role", NC_("metric", "Role") },
  { "rooftop_solar_installations", NC_("metric", "Grid-connected rooftop solar installations") },
  { "rural_clean_water_share", NC_("metric", "Rural population with hygienic water") },
  { "share_of_domestic_revenue", NC_("metric", "Share of domestic revenue") },
  { "share_of_plan", NC_("metric", "Share of plan achieved") },
  { "socioeconomic_targets_met", NC_("metric", "Socio-economic target groups met") },
  { "stone_output", NC_("metric", "Stone output") },
  { "tap_water_output", NC_("metric", "Tap water output") },
  { "target", NC_("metric", "Target") },
  { "technical_potential", NC_("metric", "Technical potential") },
  { "total_area", NC_("metric", "Total area") },
  { "total_capacity", NC_("metric", "Total capacity") },
  { "trade_promotion", NC_("metric", "Trade promotion") },
  { "transport_links", NC_("metric", "Transport links") },
  { "waste_to_energy_project_count", NC_("metric", "Waste-to-energy projects") },
  { "wind_potential_area", NC_("metric", "Area with wind potential") },
  { "wood_output", NC_("metric", "Plantation wood products output") },
  { "workers", NC_("metric", "Workers employed") },
  { "yoy_change", NC_("metric", "Year-on-year change") },
  { "zone_count", NC_("metric", "Number of industrial zones") },
  { "zones_added", NC_("metric", "Industrial zones added to the plan") },
};

static const LsmTermTable metric_table = LSM_TERM_TABLE ("metric", metrics);

/**
 * lsm_metric_get_label:
 * @metric: (nullable): a metric id
 *
 * Returns: (nullable): the metric's label in the user's language, or %NULL if the id is
 *   unknown
 */
const char *
lsm_metric_get_label (const char *metric)
{
  guint index;

  if (!_lsm_term_table_find (&metric_table, metric, &index))
    return NULL;

  return _lsm_term_table_get_label (&metric_table, index);
}

/**
 * lsm_metric_list_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): every metric id
 */
const char * const *
lsm_metric_list_ids (void)
{
  static const char **ids;

  if (g_once_init_enter (&ids))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (metrics) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
        list[i] = metrics[i].id;
      g_once_init_leave (&ids, list);
    }

  return ids;
}
