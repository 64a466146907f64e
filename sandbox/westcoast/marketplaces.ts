import { MARKETPLACE_ID } from './companies';

/**
 * GUESS: the reference says only "marketplaces owned by the company"; the
 * shape (id, name, URL, country, currency) is what such a record plausibly holds.
 */
export function ownedMarketplaces(baseUrl: string) {
	return [
		{
			MarketplaceId: MARKETPLACE_ID,
			Name: 'Westcoast Cloud UK',
			Url: baseUrl,
			Country: 'GB',
			Currency: 'GBP',
			IsDefault: true,
		},
		{
			MarketplaceId: 'westcoastcloud-ie',
			Name: 'Westcoast Cloud Ireland',
			Url: `${baseUrl}/ie`,
			Country: 'IE',
			Currency: 'EUR',
			IsDefault: false,
		},
	];
}
