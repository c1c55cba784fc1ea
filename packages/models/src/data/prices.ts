/**
 * Public list prices used as defaults by cost.ts. Every cost function accepts overrides; these exist so that a
 * worked example has realistic magnitudes. Prices are USD, on-demand, without free tiers, taxes or discounts,
 * and providers change them: check the source page before quoting one.
 */

export interface Price {
  readonly value: number;
  readonly unit: 'USD/hour' | 'USD/GB-month' | 'USD/GB';
  readonly description: string;
  readonly source: string;
}

export const PRICES_AS_OF = '2025-01-15';

export const PRICES = {
  awsEc2M7iLargeUsEast1: {
    value: 0.1008,
    unit: 'USD/hour',
    description: 'AWS EC2 m7i.large (2 vCPU, 8 GiB), Linux, on-demand, US East (N. Virginia)',
    source: 'https://aws.amazon.com/ec2/pricing/on-demand/',
  },
  awsS3StandardUsEast1: {
    value: 0.023,
    unit: 'USD/GB-month',
    description: 'AWS S3 Standard storage, first 50 TB per month, US East (N. Virginia)',
    source: 'https://aws.amazon.com/s3/pricing/',
  },
  awsDataTransferOutUsEast1: {
    value: 0.09,
    unit: 'USD/GB',
    description: 'AWS data transfer out to the Internet, first 10 TB per month (after the first 100 GB), US East',
    source: 'https://aws.amazon.com/ec2/pricing/on-demand/ (Data Transfer)',
  },
  gcpN2Standard2UsCentral1: {
    value: 0.097118,
    unit: 'USD/hour',
    description: 'Google Compute Engine n2-standard-2 (2 vCPU, 8 GB), on-demand, us-central1 (Iowa)',
    source: 'https://cloud.google.com/compute/vm-instance-pricing',
  },
  gcpCloudStorageStandardUsCentral1: {
    value: 0.02,
    unit: 'USD/GB-month',
    description: 'Google Cloud Storage, Standard class, regional, us-central1',
    source: 'https://cloud.google.com/storage/pricing',
  },
} as const satisfies Record<string, Price>;

export type PriceId = keyof typeof PRICES;
