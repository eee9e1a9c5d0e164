DROP TABLE fund_bid_income;
DROP TABLE fund_spending;
DROP TABLE fund_payments;
DROP TABLE fund_invoices;
DROP TABLE fund_pledges;
DROP TABLE fund_federation;
DROP TABLE fund_years;
