/** `/campaigns/Plumber%20-%20London`: names have spaces and could have slashes. */
export const campaignPath = (name: string) => `/campaigns/${encodeURIComponent(name)}`;
